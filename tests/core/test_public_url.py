"""One public address (PUBLIC_URL) for every absolute URL the site gives out.

The site is reached here as "testserver" (the test client's host, as a proxy or a second
name would reach it) while PUBLIC_URL says https://less-equal.example.org: every absolute
URL must name the latter, whichever host asked.
"""

import json
import re
from io import StringIO

import pytest

from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page, Revision, Site

from advocacy.actions.models import CallToAction
from advocacy.core.dates import datetime_attribute
from advocacy.core.models import HomePage, SiteSettings, StandardPage
from advocacy.core.public_url import check_public_url, public_url, sync_site
from advocacy.settings.base import public_origin
from advocacy.statements.models import Statement
from tests.actions.signer import form_data
from tests.html import select, soup

PUBLIC = "https://less-equal.example.org"
ELSEWHERE = "http://127.0.0.1:8123"


def public_address(origin):
    return override_settings(
        PUBLIC_URL=origin, WAGTAILAPI_BASE_URL=origin, WAGTAILADMIN_BASE_URL=origin
    )


@pytest.fixture
def demo(db):
    """The demo site, built with PUBLIC_URL set to the public https address."""
    with public_address(PUBLIC):
        call_command("load_demo_content", verbosity=0)
        yield


def absolute_urls(text):
    return set(re.findall(r"https?://[^\s\"'<>]+", text))


def own_urls(text):
    """The absolute URLs in ``text`` that point at this site (any host it may be reached
    by), leaving out links to other sites and schema.org's vocabulary."""
    ours = ("less-equal.example.org", "localhost", "testserver", "127.0.0.1")
    return {url for url in absolute_urls(text) if url.split("/")[2].split(":")[0] in ours}


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000"),
        (" https://Less-Equal.example.org/ ", "https://less-equal.example.org"),
        ("https://less-equal.example.org:443", "https://less-equal.example.org"),
        ("http://localhost:80", "http://localhost"),
    ],
)
def test_the_setting_is_one_origin(given, normalised):
    assert public_origin(given) == normalised


@pytest.mark.parametrize(
    "given",
    [
        "127.0.0.1:8000",
        "ftp://example.org",
        "https://example.org/site/",
        "https://example.org?x=1",
        "https://example.org:8443",
        "http://example.org:443",
        "http://example.org:99999",
        "https://user@example.org",
    ],
)
def test_an_address_wagtail_cannot_serve_is_refused_at_start(given):
    with pytest.raises(ImproperlyConfigured, match="PUBLIC_URL"):
        public_origin(given)


def test_public_url_builds_on_the_origin_and_keeps_full_urls():
    with public_address(PUBLIC):
        assert public_url("/statements/") == f"{PUBLIC}/statements/"
        assert public_url("statements/") == f"{PUBLIC}/statements/"
        assert public_url("https://media.example.net/a.png") == "https://media.example.net/a.png"
        assert public_url("//media.example.net/a.png") == "https://media.example.net/a.png"


def test_every_absolute_url_on_a_page_names_the_public_address(client, demo):
    with public_address(PUBLIC):
        for path in ["/", "/less-equal/", "/less-equal/all/", "/countries/", "/statements/"]:
            html = client.get(path).content.decode()
            assert own_urls(html), path
            assert {url for url in own_urls(html) if not url.startswith(PUBLIC)} == set(), path
            canonical = select(html, 'link[rel="canonical"]')[0]["href"]
            assert canonical == f"{PUBLIC}{path}"
            assert select(html, 'meta[property="og:url"]')[0]["content"] == canonical
            for script in select(html, 'script[type="application/ld+json"]'):
                data = json.loads(script.string)
                urls = re.findall(r'"(?:url|@id)": "([^"]+)"', json.dumps(data))
                assert urls and all(url.startswith(PUBLIC) for url in urls), (path, urls)


def test_a_statement_is_cited_shared_and_listed_at_the_public_address(client, demo):
    statement = Statement.objects.published().order_by("pk").first()
    permalink = f"{PUBLIC}{statement.get_absolute_url()}"
    with public_address(PUBLIC):
        page = soup(client.get(statement.get_absolute_url()))
        assert page.select_one('link[rel="canonical"]')["href"] == permalink
        assert statement.citation(permalink) in page.get_text(" ")
        assert page.select_one('meta[property="og:image"]')["content"].startswith(PUBLIC + "/")

        api = client.get(f"/api/v2/statements/{statement.pk}/").json()
        assert api["permalink"] == permalink
        assert all(url.startswith(PUBLIC + "/") for url in api["card_urls"].values())

        csv = client.get("/statements/statements.csv").content.decode("utf-8-sig")
        assert permalink in csv
        assert {url for url in own_urls(csv) if not url.startswith(PUBLIC)} == set()


def test_the_sitemap_robots_txt_and_feeds_name_the_public_address(client, demo):
    with public_address(PUBLIC):
        sitemap = client.get("/sitemap.xml").content.decode()
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert f"{PUBLIC}/" in locations
        assert any("/statements/" in loc and loc != f"{PUBLIC}/statements/" for loc in locations)
        assert any(
            loc.startswith(f"{PUBLIC}/act/") and loc != f"{PUBLIC}/act/" for loc in locations
        )
        assert [loc for loc in locations if not loc.startswith(PUBLIC + "/")] == []

        robots = client.get("/robots.txt").content.decode()
        assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots.splitlines()

        for feed in ["/statements/feed/", "/press-releases/feed/"]:
            atom = client.get(feed).content.decode()
            hrefs = re.findall(r'<link href="([^"]+)"', atom) + re.findall(r"<id>([^<]+)", atom)
            assert len(hrefs) >= 4, feed
            assert [href for href in hrefs if not href.startswith(PUBLIC + "/")] == [], feed


def test_the_api_gives_the_public_address_for_pages(client, demo):
    with public_address(PUBLIC):
        listing = client.get("/api/v2/pages/", {"limit": 50}).json()
        metas = [item["meta"] for item in listing["items"]]
        assert metas
        assert all(meta["html_url"].startswith(PUBLIC + "/") for meta in metas)
        assert all(meta["detail_url"].startswith(PUBLIC + "/api/v2/") for meta in metas)


def test_a_signers_confirmation_link_names_the_public_address(client, demo):
    action = (
        CallToAction.objects.published().filter(kind="petition", locale__language_code="en").first()
    )
    with public_address(PUBLIC):
        client.post(action.get_absolute_url(), form_data(action))
    body = mail.outbox[-1].body
    assert re.search(rf"{re.escape(PUBLIC)}/act/confirm/\S+/", body)
    assert "testserver" not in body


def test_setup_moves_the_site_to_a_new_address_and_touches_no_content(demo):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("less-equal.example.org", 443, PUBLIC)

    def content():
        return (
            list(Page.objects.order_by("pk").values_list("pk", "title", "latest_revision_id")),
            Revision.objects.count(),
            list(SiteSettings.objects.values()),
        )

    before = content()
    with public_address(ELSEWHERE):
        call_command("load_demo_content", verbosity=0)
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, ELSEWHERE)
    assert HomePage.objects.get(locale__language_code="en").get_full_url() == f"{ELSEWHERE}/"
    assert content() == before

    out = StringIO()
    with public_address(PUBLIC):
        call_command("sync_site_address", stdout=out)
        call_command("sync_site_address", stdout=out)
    site.refresh_from_db()
    assert site.root_url == PUBLIC
    assert out.getvalue().splitlines() == [f"The site's address is now {PUBLIC} (was {ELSEWHERE})."]
    assert content() == before


def test_sync_site_reports_whether_it_changed_anything(site):
    with public_address(ELSEWHERE):
        assert sync_site() is True
        assert sync_site() is False


def test_deployment_checks_want_https_and_an_allowed_host():
    with override_settings(PUBLIC_URL="http://example.org", ALLOWED_HOSTS=["other.example.org"]):
        assert sorted(problem.id for problem in check_public_url()) == ["core.W101", "core.W102"]
    with override_settings(PUBLIC_URL=PUBLIC, ALLOWED_HOSTS=[".example.org"]):
        assert check_public_url() == []


def test_a_datetime_attribute_has_whole_seconds_in_utc_or_a_date():
    import datetime

    moment = datetime.datetime(2026, 11, 25, 23, 22, 39, 731000, tzinfo=datetime.UTC)
    almaty = datetime.timezone(datetime.timedelta(hours=5))
    assert datetime_attribute(moment) == "2026-11-25T23:22:39Z"
    assert datetime_attribute(moment.astimezone(almaty)) == "2026-11-25T23:22:39Z"
    assert datetime_attribute(datetime.date(2026, 11, 25)) == "2026-11-25"
    assert datetime_attribute(None) == ""


@pytest.mark.parametrize(
    ("model_path", "expected"),
    [
        ("countries.models.CountryIndexPage", "The countries at a glance"),
        ("advocacy.statements.models.QuoteDeskPage", "Statements and testimonies"),
        ("reports.models.PressReleaseIndexPage", "Press releases, newest first."),
        ("advocacy.people.models.PressPage", "For journalists"),
        ("advocacy.actions.models.CallsToActionIndexPage", "Petitions and pledges"),
    ],
)
def test_a_listing_without_an_introduction_still_describes_itself(
    client, home, model_path, expected
):
    from django.utils.module_loading import import_string

    model = import_string(model_path)
    page = model(title="A listing", slug="a-listing", intro="")
    home.add_child(instance=page)
    page.save_revision().publish()

    description = select(client.get("/a-listing/"), 'meta[name="description"]')[0]["content"]
    assert description.startswith(expected)


def test_a_plain_page_without_a_standfirst_is_described_by_its_text(client, home):
    page = StandardPage(
        title="Contact",
        slug="contact",
        standfirst="",
        body=[("paragraph", "<p>Write to the press office at any time.</p>")],
    )
    home.add_child(instance=page)
    page.save_revision().publish()

    description = select(client.get("/contact/"), 'meta[name="description"]')[0]["content"]
    assert description == "Write to the press office at any time."
