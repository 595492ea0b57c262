"""The home page's first screen says what the report found: the newest public report's cover
and key findings beside the headline, then the latest statements and the open call to
action. Each comes from its own app through the ``home_page_sections`` hook; drafts,
scheduled and closed items never show."""

import datetime
import time

import pytest
from wagtail_factories import ImageFactory

from django.urls import reverse
from django.utils import timezone

from advocacy.actions.factories import CallToActionFactory, SignatureFactory
from advocacy.core.factories import FeaturedItemFactory, StandardPageFactory
from advocacy.statements.factories import StatementFactory
from reports.factories import KeyFindingFactory, ReportPageFactory
from tests.core.test_preview import edit_form, preview
from tests.html import links, one, select, soup, text, texts

pytestmark = pytest.mark.django_db


def home_html(client):
    response = client.get("/")
    assert response.status_code == 200
    return soup(response)


def lead(html):
    return one(html, ".hero .hero__lead")


# -- the report: cover and key findings beside the headline ---------------------------------
def test_the_report_s_key_findings_stand_beside_the_headline(client, home):
    report = ReportPageFactory(parent=home, title="Less equal", slug="less-equal")
    for words in ("Belarus adopted a propaganda law.", "Pride marches are banned."):
        KeyFindingFactory(report=report, text=words)

    panel = lead(home_html(client))

    assert text(panel, "h2") == "What the report found"
    assert texts(panel, "ol.findings li") == [
        "Belarus adopted a propaganda law.",
        "Pride marches are banned.",
    ]
    assert ("The full report: Less equal", report.url) in links(panel)


def test_the_report_s_cover_shows_with_its_alt_text_and_credit(client, home):
    cover = ImageFactory(title="Cover")
    ReportPageFactory(
        parent=home,
        slug="less-equal",
        cover_image=cover,
        cover_alt_text="Activists holding a rainbow banner in Yerevan",
        cover_credit="Photo: A. Photographer",
    )

    panel = lead(home_html(client))

    image = one(panel, "figure img")
    assert image["alt"] == "Activists holding a rainbow banner in Yerevan"
    assert text(panel, "figure figcaption") == "Photo: A. Photographer"


def test_without_a_cover_there_is_no_empty_figure(client, home):
    ReportPageFactory(parent=home, slug="less-equal")

    assert select(lead(home_html(client)), "figure") == []


def test_a_draft_report_and_its_findings_never_show(client, home):
    draft = ReportPageFactory(parent=home, slug="draft-report", live=False)
    KeyFindingFactory(report=draft, text="A finding still under embargo.")

    html = home_html(client)

    assert select(html, ".hero__lead") == []
    assert "under embargo" not in text(html)


def test_the_newest_public_report_is_the_one_shown(client, home):
    old = ReportPageFactory(parent=home, slug="old", publication_date=datetime.date(2020, 1, 1))
    KeyFindingFactory(report=old, text="An old finding.")
    new = ReportPageFactory(parent=home, slug="new", publication_date=datetime.date(2026, 11, 1))
    KeyFindingFactory(report=new, text="A new finding.")

    assert texts(lead(home_html(client)), "ol.findings li") == ["A new finding."]


# -- the latest statements --------------------------------------------------------------------
def test_the_three_latest_published_statements_show_with_their_links(client, home):
    for day in range(1, 6):
        StatementFactory(text=f"Said on day {day}", date_said=datetime.date(2026, 11, day))

    html = home_html(client)

    section = one(html, "section[aria-labelledby='home-statements-title']")
    assert text(section, "h2") == "Latest statements"
    assert texts(section, "blockquote") == ["“Said on day 5”", "“Said on day 4”", "“Said on day 3”"]
    assert ("Every statement on the quote desk", "/statements/") in links(section)


def test_a_draft_statement_never_shows(client, home):
    StatementFactory(text="Published words")
    StatementFactory(text="Draft words not yet approved", live=False)

    html = home_html(client)

    assert texts(html, ".home-statements blockquote") == ["“Published words”"]
    assert "Draft words" not in text(html)


def test_no_statements_no_section(client, home):
    assert select(home_html(client), ".home-statements") == []


# -- the open call to action ------------------------------------------------------------------
def test_the_open_call_to_action_shows_with_its_progress_and_a_way_to_sign(client, home):
    action = CallToActionFactory(title="Let LGBTI groups work", goal=100)
    SignatureFactory(call_to_action=action, confirmed=True)

    section = one(home_html(client), ".home-action")

    assert text(section, "h2") == "Take action"
    assert text(section, "h3") == "Let LGBTI groups work"
    # Beside the report's findings: the count, never the campaign's goal (issue 17, item 8).
    assert text(section, ".progress__label") == "1 person has signed"
    assert (
        "Sign the petition: Let LGBTI groups work",
        action.get_absolute_url(),
    ) in links(section)


def test_draft_scheduled_and_closed_calls_to_action_never_show(client, home):
    CallToActionFactory(title="A draft petition", live=False)
    CallToActionFactory(title="A petition that opens next week", scheduled=True)
    CallToActionFactory(title="A closed petition", closed=True)
    CallToActionFactory(
        title="A petition past its closing date",
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )

    html = home_html(client)

    assert select(html, ".home-action") == []
    assert "petition" not in text(html).lower()


def test_the_newest_open_call_to_action_is_the_one_shown(client, home):
    CallToActionFactory(title="The older petition")
    CallToActionFactory(title="The newer petition")

    assert texts(home_html(client), ".home-action h3") == ["The newer petition"]


# -- kept in the worker between requests, never past a change ---------------------------------
# The report's findings, the featured pages and the hero link are computed once per site
# frame generation (core.sitecache.frame_memo); each test serves the home page first, so the
# worker keeps the old answer, then changes something and expects the next request to see it.
def test_a_finding_added_after_the_home_page_was_served_shows_on_the_next_request(client, home):
    report = ReportPageFactory(parent=home, slug="less-equal")
    KeyFindingFactory(report=report, text="The first finding.")
    assert texts(lead(home_html(client)), "ol.findings li") == ["The first finding."]

    KeyFindingFactory(report=report, text="A finding added later.")

    assert texts(lead(home_html(client)), "ol.findings li") == [
        "The first finding.",
        "A finding added later.",
    ]


def test_a_replaced_cover_photo_is_never_served_from_an_old_copy(client, home):
    cover = ImageFactory(title="Cover", file__width=640, file__height=480)
    ReportPageFactory(parent=home, slug="less-equal", cover_image=cover)
    landscape = one(lead(home_html(client)), "figure img")
    assert (landscape["width"], landscape["height"]) == ("360", "270")

    # What the admin's image edit view does when an editor uploads a new (portrait) file.
    replacement = ImageFactory.build(file__width=480, file__height=640)
    cover.file, cover.width, cover.height = replacement.file, 480, 640
    cover.save()
    cover.renditions.all().delete()

    portrait = one(lead(home_html(client)), "figure img")
    assert (portrait["width"], portrait["height"]) == ("360", "480")


def test_a_report_reaching_its_expiry_time_leaves_the_home_page_at_once(client, home):
    report = ReportPageFactory(
        parent=home, slug="less-equal", expire_at=timezone.now() + datetime.timedelta(seconds=2)
    )
    KeyFindingFactory(report=report, text="Words withdrawn at a set time.")
    assert texts(lead(home_html(client)), "ol.findings li") == ["Words withdrawn at a set time."]

    time.sleep(2.2)  # the scheduler has not run: the page is still live, but expired

    html = home_html(client)
    assert select(html, ".hero__lead") == []
    assert "withdrawn at a set time" not in text(html)


def test_a_page_featured_after_the_home_page_was_served_shows_on_the_next_request(client, home):
    home_html(client)

    FeaturedItemFactory(home=home, page=StandardPageFactory(parent=home, title="Read it online"))

    assert "Read it online" in texts(home_html(client), ".card__title")


def test_a_featured_page_withdrawn_after_the_home_page_was_served_is_gone_at_once(client, home):
    page = StandardPageFactory(parent=home, title="Soon withdrawn")
    FeaturedItemFactory(home=home, page=page)
    assert "Soon withdrawn" in texts(home_html(client), ".card__title")

    page.unpublish()

    assert "Soon withdrawn" not in text(home_html(client))


def test_a_preview_of_the_home_page_shows_the_draft_s_featured_pages(admin_client, home):
    FeaturedItemFactory(
        home=home, page=StandardPageFactory(parent=home, title="Featured"), blurb="Published."
    )
    assert "Published." in text(home_html(admin_client))

    data = edit_form(admin_client, reverse("wagtailadmin_pages:edit", args=[home.pk]))
    data["featured_items-0-blurb"] = "Draft words only the preview shows."
    response = preview(
        admin_client, reverse("wagtailadmin_pages:preview_on_edit", args=[home.pk]), data
    )

    assert "Draft words only the preview shows." in text(soup(response))
    assert "Published." in text(home_html(admin_client))
