"""Where calls to action appear: page bodies, the report's landing page, country pages."""

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Revision

from advocacy.actions.factories import (
    CallToActionFactory,
    PledgeFactory,
    ShareBoxFactory,
    SignatureFactory,
)
from advocacy.actions.models import CallToAction
from countries.factories import CountryIndexPageFactory, CountryPageFactory
from reports.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    ReportChapterPageFactory,
    ReportPageFactory,
)
from tests.html import hrefs, links, one, select, soup, text

pytestmark = pytest.mark.django_db


def test_the_story_block_places_an_action_with_its_progress_and_a_way_to_sign(client, home):
    action = CallToActionFactory(title="Let LGBTI groups work", goal=100)
    SignatureFactory(call_to_action=action, confirmed=True)
    index = PressReleaseIndexPageFactory(parent=home)
    release = PressReleasePageFactory(
        parent=index, body=[("paragraph", "<p>Text.</p>"), ("call_to_action", action)]
    )

    html = client.get(release.url)

    slot = one(html, 'aside.cta-slot[aria-label="Let LGBTI groups work"]')
    assert text(slot, ".progress__label").startswith("1 person has signed")
    assert any(
        label.startswith("Sign the petition") and href == f"/act/{action.slug}/"
        for label, href in links(slot)
    )


def test_a_share_box_in_a_body_links_where_the_editor_chose(client, home):
    report = ReportPageFactory(parent=home, slug="less-equal")
    share = ShareBoxFactory(
        title="Read it all", link_page=report, link_url="", link_text="Read the report"
    )
    chapter = ReportChapterPageFactory(parent=report, body=[("share_box", share)])

    page = soup(client.get(chapter.url))

    box = page.find("aside", class_="cta-slot", attrs={"aria-label": "Read it all"})
    button = box.find("a", class_="button")
    assert (button.get_text(), button["href"]) == ("Read the report", "/less-equal/")
    assert box.find("progress") is None  # nobody signs a share box


def test_an_unpublished_share_box_is_not_shown_in_a_body(client, home):
    report = ReportPageFactory(parent=home, slug="less-equal")
    share = ShareBoxFactory(title="Not yet", live=False)
    chapter = ReportChapterPageFactory(parent=report, body=[("share_box", share)])

    page = soup(client.get(chapter.url))

    assert page.find("aside", class_="cta-slot") is None
    assert "Not yet" not in page.get_text()


def test_a_deleted_action_leaves_no_trace_in_the_body(client, home):
    action = CallToActionFactory()
    report = ReportPageFactory(parent=home, slug="less-equal")
    chapter = ReportChapterPageFactory(parent=report, body=[("call_to_action", action)])
    action.delete()

    response = client.get(chapter.url)

    assert response.status_code == 200
    assert select(response, ".cta-slot") == []


def test_report_landing_lists_the_actions_placed_in_its_chapters_once_each(client, home):
    petition, pledge = CallToActionFactory(title="The petition"), PledgeFactory(title="The pledge")
    scheduled = CallToActionFactory(scheduled=True, title="Not yet")
    share = ShareBoxFactory(title="The share box", link_text="Share it")
    draft_share = ShareBoxFactory(title="Draft box", live=False)
    report = ReportPageFactory(parent=home, slug="less-equal")
    ReportChapterPageFactory(parent=report, body=[("call_to_action", petition)])
    ReportChapterPageFactory(
        parent=report,
        body=[
            ("share_box", share),
            ("call_to_action", pledge),
            ("call_to_action", petition),
            ("call_to_action", scheduled),
            ("share_box", draft_share),
            ("share_box", share),
        ],
    )

    page = soup(client.get(report.url))

    section = page.find(id="act-title").find_parent("section")
    headlines = [h.get_text() for h in section.find_all("h3", class_="cta__headline")]
    assert headlines == ["The petition", "The share box", "The pledge"]
    assert section.find("a", string="Share it")["href"] == share.link_url


def test_report_landing_finds_its_actions_in_one_query_per_kind(client, home):
    report = ReportPageFactory(parent=home, slug="less-equal")
    for _ in range(6):
        ReportChapterPageFactory(
            parent=report,
            body=[("call_to_action", CallToActionFactory()), ("share_box", ShareBoxFactory())],
        )
    client.get(report.url)

    with CaptureQueriesContext(connection) as queries:
        client.get(report.url)

    action_queries = [
        q["sql"]
        for q in queries
        if 'FROM "actions_calltoaction"' in q["sql"] or 'FROM "actions_sharebox"' in q["sql"]
    ]
    assert len(action_queries) == 2


def test_country_page_shows_the_actions_that_concern_that_country(client, home):
    index = CountryIndexPageFactory(parent=home)
    belarus = CountryPageFactory(parent=index, title="Belarus", iso_code="BY")
    armenia = CountryPageFactory(parent=index, title="Armenia", iso_code="AM")
    CallToActionFactory(title="To the four governments", countries=["AM", "BY", "KZ", "KG"])
    CallToActionFactory(title="To Belarus only", countries=["BY"])
    CallToActionFactory(title="Closed for Belarus", countries=["BY"], closed=True)

    belarus_html = client.get(belarus.url).content.decode()
    armenia_html = client.get(armenia.url).content.decode()

    assert "To the four governments" in belarus_html and "To Belarus only" in belarus_html
    assert belarus_html.index("To Belarus only") < belarus_html.index("Closed for Belarus")
    assert "To the four governments" in armenia_html
    assert "To Belarus only" not in armenia_html


def test_demo_content_builds_both_calls_to_action_and_links_them_everywhere(client):
    call_command("load_demo_content", verbosity=0)

    petition = CallToAction.objects.get(kind="petition", locale__language_code="en")
    pledge = CallToAction.objects.get(kind="pledge", locale__language_code="en")
    assert "must ensure that LGBTI groups can carry out their human rights work in safety" in (
        petition.demand
    )
    assert "work alongside LGBTI rights organizations, united by the principle of the" in (
        pledge.demand
    )
    assert petition.confirmed_count == pledge.confirmed_count == 0
    for path in (
        "/less-equal/",
        "/press-releases/former-soviet-states-entrenching-homophobia/",
        "/less-equal/recommendations/",
        "/countries/armenia/",
        "/countries/belarus/",
        "/countries/kazakhstan/",
        "/countries/kyrgyzstan/",
    ):
        html = client.get(path)
        assert f"/act/{petition.slug}/" in hrefs(html), path
        assert f"/act/{pledge.slug}/" in hrefs(html), path
    for action in (petition, pledge):
        response = client.get(action.get_absolute_url())
        assert response.status_code == 200
        assert select(response, 'form input[name="csrfmiddlewaretoken"]')


def test_demo_demands_are_the_press_releases_own_words():
    from advocacy.core.seed import press_release

    call_command("load_demo_content", verbosity=0)
    _headline, blocks = press_release()
    release_text = " ".join(text for _kind, text in blocks)

    for action in CallToAction.objects.filter(locale__language_code="en"):
        if action.kind == "petition":
            assert action.demand.rstrip(".") in release_text
    pledge = CallToAction.objects.get(kind="pledge", locale__language_code="en")
    assert pledge.demand.removeprefix("Our organisation will ").rstrip(".") in release_text


def test_demo_content_stays_idempotent_with_the_actions():
    call_command("load_demo_content", verbosity=0)
    before = (
        list(CallToAction.objects.order_by("pk").values_list("pk", "slug", "title")),
        list(Page.objects.order_by("pk").values_list("pk", "latest_revision_id")),
        Revision.objects.count(),
    )

    call_command("load_demo_content", verbosity=0)

    after = (
        list(CallToAction.objects.order_by("pk").values_list("pk", "slug", "title")),
        list(Page.objects.order_by("pk").values_list("pk", "latest_revision_id")),
        Revision.objects.count(),
    )
    assert after == before


def test_demo_keeps_an_editors_changes_to_an_action():
    call_command("load_demo_content", verbosity=0)
    CallToAction.objects.filter(kind="petition", locale__language_code="en").update(
        title="Edited title"
    )

    call_command("load_demo_content", verbosity=0)

    assert (
        CallToAction.objects.get(kind="petition", locale__language_code="en").title
        == "Edited title"
    )


def test_sign_page_queries_stay_the_same_with_0_and_500_signatures(client, home):
    from advocacy.actions.models import Signature

    action = CallToActionFactory()

    def page_queries():
        client.get(action.get_absolute_url())  # warm caches as a running site has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(action.get_absolute_url())
        return response, [q["sql"] for q in queries]

    empty, empty_queries = page_queries()
    Signature.objects.bulk_create(
        Signature(
            call_to_action=action,
            name=f"S {n}",
            email=f"s{n}@example.org",
            country="BY",
            consent=action.current_consent,
            show_publicly=n % 2 == 0,
            confirmed_at=action.created_at,
        )
        for n in range(500)
    )
    CallToAction.objects.filter(pk=action.pk).update(confirmed_count=500)
    full, full_queries = page_queries()

    assert text(empty, ".progress__label") == "Be the first to sign."
    assert text(full, ".progress__label").startswith("500 people have signed")
    assert len(full_queries) == len(empty_queries)
    assert [q for q in full_queries if "COUNT(" in q.upper()] == []


def test_the_api_describes_a_placed_action_without_any_signature(client, home):
    action = CallToActionFactory(title="Let LGBTI groups work", goal=100)
    SignatureFactory(call_to_action=action, email="secret@example.org", confirmed=True)
    index = PressReleaseIndexPageFactory(parent=home)
    PressReleasePageFactory(parent=index, body=[("call_to_action", action)])

    response = client.get("/api/v2/pages/?type=reports.PressReleasePage&fields=body")

    block = response.json()["items"][0]["body"][0]
    assert block["value"] == {
        "id": action.pk,
        "kind": "petition",
        "title": "Let LGBTI groups work",
        "summary": action.summary,
        "url": f"http://localhost/act/{action.slug}/",
        "status": "open",
        "confirmed_count": 1,
        "goal": 100,
    }
    assert "secret" not in response.content.decode()


def test_the_api_describes_a_placed_share_box(client, home):
    share = ShareBoxFactory(title="Read the report")
    index = PressReleaseIndexPageFactory(parent=home)
    PressReleasePageFactory(parent=index, body=[("share_box", share)])

    response = client.get("/api/v2/pages/?type=reports.PressReleasePage&fields=body")

    block = response.json()["items"][0]["body"][0]
    assert block["type"] == "share_box"
    assert block["value"] == {
        "id": share.pk,
        "kind": "share",
        "title": "Read the report",
        "summary": share.summary,
        "url": f"http://localhost/act/{share.slug}/",
        "status": "open",
        "confirmed_count": None,
        "goal": None,
    }
