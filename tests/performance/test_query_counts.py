"""Database work per public page: at most 8 queries on every public page type of the demo
site, the same number however much content there is, and the cached site frame (settings,
menu, home page) renewed as soon as an editor changes it.

Counts are taken with the site frame already in Django's cache (a request before the
measured one), as on a running site: the first request after a change rebuilds the frame
(about ten more queries, once per language and host).
"""

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction, Site

from advocacy.actions.models import CallToAction
from advocacy.core.models import SiteSettings
from advocacy.statements.factories import StatementFactory
from advocacy.statements.models import Statement
from countries.factories import TimelineEventFactory
from countries.models import CountryPage
from reports.factories import ReportChapterPageFactory
from reports.models import PressReleasePage, ReportPage
from tests.html import links, text

MAX_QUERIES = 8
# Search results are read one query per page type found (the demo's "rights" finds four
# types), on top of the search itself, its count, and the statements box: one more.
MAX_SEARCH_QUERIES = 9


def public_addresses(language="en"):
    """One address of each public page type of the demo site (after load_demo_content), in
    ``language`` (the demo is in English and Russian)."""
    prefix = "" if language == "en" else f"/{language}"
    in_language = {"locale__language_code": language}
    statement = Statement.objects.published().filter(**in_language).order_by("pk").first()
    action = CallToAction.objects.published().filter(**in_language).order_by("pk").first()
    press_release = PressReleasePage.objects.live().filter(**in_language).first()
    assert press_release.url.startswith(f"{prefix}/")
    return {
        "home": f"{prefix}/",
        "report": f"{prefix}/less-equal/",
        "chapter": f"{prefix}/less-equal/introduction/",
        "whole report": f"{prefix}/less-equal/all/",
        "press releases": f"{prefix}/press-releases/",
        "press release": press_release.url,
        "press releases feed": f"{prefix}/press-releases/feed/",
        "countries": f"{prefix}/countries/",
        "country": f"{prefix}/countries/armenia/",
        "quote desk": f"{prefix}/statements/",
        "quote desk filtered": f"{prefix}/statements/?speaker={statement.speaker_id}",
        "statement": statement.get_absolute_url(),
        "statements feed": f"{prefix}/statements/feed/",
        "act": f"{prefix}/act/",
        "call to action": f"{prefix}/act/{action.slug}/",
        "press": f"{prefix}/press/",
        "standard page": f"{prefix}/about/",
        "search": f"{prefix}/search/?q=" + ("rights" if language == "en" else "права"),
        "sitemap": "/sitemap.xml",
    }


def warm_count(client, url):
    """Queries of an anonymous GET of ``url`` once the caches are warm."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    # As on a running site: what waits for the commit (publishing the demo's Russian
    # translations) happens.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", verbosity=0)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_public_page_type_runs_at_most_eight_queries(client, demo, subtests, language):
    """In Russian too: a translation says what it was translated from, and links to pages
    in the reader's language, without a query per item (one per listing at most)."""
    for name, url in public_addresses(language).items():
        with subtests.test(page=name):
            budget = MAX_SEARCH_QUERIES if name == "search" else MAX_QUERIES
            assert warm_count(client, url) <= budget, f"{name} {url}"


def test_view_restrictions_come_from_the_cached_site_frame_and_apply_at_once(client, demo):
    for url in ("/less-equal/", "/less-equal/all/", "/countries/armenia/"):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        reads = [q for q in captured.captured_queries if "pageviewrestriction" in q["sql"]]
        assert reads == [], url

    # A restriction added is in force on the next request, for the page and what is below.
    report = ReportPage.objects.get(slug="less-equal", locale__language_code="en")
    PageViewRestriction.objects.create(
        page=report, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    for url in ("/less-equal/", "/less-equal/all/"):
        response = client.get(url)
        assert "LGBTI human rights defenders" not in text(response), url
        assert "password" in text(response).lower(), url


def test_counts_stay_flat_as_content_grows(client, demo):
    addresses = public_addresses()
    before = {name: warm_count(client, url) for name, url in addresses.items()}

    report = ReportPage.objects.get(slug="less-equal", locale__language_code="en")
    new_statements = [StatementFactory(countries=["AM"]) for _ in range(25)]
    for n in range(4):
        ReportChapterPageFactory(
            parent=report,
            slug=f"more-{n}",
            countries=["AM"],
            body=[
                ("paragraph", "<p>More findings.</p>"),
                *[("pull_quote", s) for s in new_statements[n * 5 : n * 5 + 5]],
            ],
        )
    armenia = CountryPage.objects.get(slug="armenia", locale__language_code="en")
    for year in range(1990, 2010):
        TimelineEventFactory(country=armenia, year=year, source=report)

    after = {name: warm_count(client, url) for name, url in addresses.items()}
    assert after == before


def test_the_menu_changes_on_the_next_request_when_a_page_is_published_moved_or_unpublished(
    client, demo
):
    def menu():
        return [label for label, _href in links(client.get("/about/"), "nav.main-nav a")]

    assert "About" in menu()  # the frame is cached now
    about = Page.objects.get(slug="about", locale__language_code="en").specific
    about.title = "Who we are"
    about.save_revision().publish()
    assert "Who we are" in menu()

    about.unpublish()
    assert "Who we are" not in menu()

    about.save_revision().publish()
    countries = Page.objects.get(slug="countries", locale__language_code="en")
    about.refresh_from_db()
    about.move(countries, pos="last-child")
    assert "Who we are" not in menu()
    assert client.get("/countries/about/").status_code == 200
    assert client.get("/about/")["Location"] == "/countries/about/"  # Wagtail's redirect


def test_site_settings_show_on_the_next_request_after_saving(client, demo):
    assert "Less equal press desk" not in client.get("/").content.decode()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_text = "Less equal press desk"
    site_settings.save()

    assert "Less equal press desk" in text(client.get("/about/"), ".site-footer")


def test_a_restriction_added_hides_a_page_and_its_menu_link_at_once(client, demo):
    client.get("/about/")
    about = Page.objects.get(slug="about", locale__language_code="en")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get("/about/")
    assert "secret" not in response.content.decode()
    assert "About" not in [label for label, _href in links(client.get("/"), "nav.main-nav a")]
    assert 'name="password"' in response.content.decode()
