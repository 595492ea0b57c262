"""Public pages are cacheable, kept by the in-app page cache, and purged exactly when what
they show changes (advocacy.core.pagecache). Runs on the real Redis (tests settings: the
"pages" alias, this process's own key prefix)."""

import datetime

import pytest

from django.core.management import call_command
from django.test import override_settings
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction, Revision
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from advocacy.actions.factories import CallToActionFactory
from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import StatementFactory
from countries.factories import CountryIndexPageFactory, CountryPageFactory
from reports.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    ReportChapterPageFactory,
    ReportPageFactory,
)
from tests.html import select, soup

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=60, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400"
SHORT = "public, max-age=60, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400"
COUNTS = "public, max-age=30, s-maxage=30, stale-while-revalidate=60, stale-if-error=86400"
QUOTE = "State authorities must ensure that LGBTI groups can work in safety"


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish as the admin does: the transaction commits, then the purge task runs (at
    once, in tests)."""

    def publish(obj):
        with django_capture_on_commit_callbacks(execute=True):
            obj.save_revision().publish()
        obj.refresh_from_db()
        return obj

    return publish


@pytest.fixture
def pages(home, quote_desk, act_index, publish):
    """One of each public page type; a statement quoted in a chapter and tagged Belarus."""
    statement = StatementFactory(speaker=PersonFactory(), text=QUOTE, slug="safety")
    statement.countries = ["BY"]
    statement = publish(statement)
    report = ReportPageFactory(parent=home, slug="less-equal", title="Less equal")
    chapter = ReportChapterPageFactory(
        parent=report,
        slug="crackdown",
        title="Crackdown",
        body=[
            ("paragraph", RichText("<p>What happened.</p>")),
            ("pull_quote", statement),
        ],
    )
    press = PressReleaseIndexPageFactory(parent=home)
    release = PressReleasePageFactory(parent=press, slug="launch", report=report)
    countries = CountryIndexPageFactory(parent=home)
    belarus = CountryPageFactory(parent=countries, title="Belarus", slug="belarus", iso_code="BY")
    armenia = CountryPageFactory(parent=countries, title="Armenia", slug="armenia", iso_code="AM")
    return {
        "statement": statement,
        "report": report,
        "chapter": chapter,
        "release": release,
        "belarus": belarus,
        "armenia": armenia,
        "urls": {
            "home": "/",
            "report": "/less-equal/",
            "chapter": "/less-equal/crackdown/",
            "whole report": "/less-equal/all/",
            "press release": "/press-releases/launch/",
            "country": "/countries/belarus/",
            "quote desk": "/statements/",
            "statement": f"/statements/{statement.pk}-safety/",
            "act index": "/act/",
        },
    }


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The in-app cache is off in other tests (they change content without committing)."""
    settings.PAGE_CACHE = True


def cache_state(response):
    return response.headers.get("X-Page-Cache")


@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "report",
        "chapter",
        "whole report",
        "press release",
        "country",
        "quote desk",
        "statement",
        "act index",
    ],
)
def test_every_public_page_type_is_cacheable_for_anonymous_readers(client, pages, kind):
    url = pages["urls"][kind]

    response = client.get(url)

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == PUBLIC
    assert "Vary" not in response.headers  # not on Cookie, not on Accept-Language
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert cache_state(response) == "miss"
    again = client.get(url)
    assert cache_state(again) == "hit"
    assert again.headers["Cache-Control"] == PUBLIC
    assert again.content == response.content
    assert again.headers["Content-Security-Policy"] == response.headers["Content-Security-Policy"]
    assert again.headers["X-Frame-Options"] == "DENY"
    assert again.headers["Permissions-Policy"]


def test_search_results_and_not_found_are_kept_briefly(client, pages):
    search = client.get("/search/", {"q": "crackdown"})
    missing = client.get("/no-such-page/")

    assert search.headers["Cache-Control"] == SHORT
    assert missing.status_code == 404
    assert missing.headers["Cache-Control"] == SHORT
    assert cache_state(client.get("/no-such-page/")) == "hit"


def test_the_browsers_language_does_not_change_a_public_address(client, pages):
    english = client.get("/less-equal/", HTTP_ACCEPT_LANGUAGE="ru")

    assert english.headers["Content-Language"] == "en"
    assert "Vary" not in english.headers
    russian = client.get("/ru/less-equal/")
    assert russian.headers["Content-Language"] == "ru"
    assert russian.headers["Cache-Control"] == PUBLIC


def test_a_page_showing_a_signature_count_is_kept_30_seconds_at_most(client, pages):
    CallToActionFactory(slug="let-them-work")

    response = client.get("/act/")

    assert "people have signed" in response.content.decode() or select(response, ".progress")
    assert response.headers["Cache-Control"] == COUNTS
    assert cache_state(client.get("/act/")) == "hit"


def test_the_sign_page_is_never_cached(client, pages):
    CallToActionFactory(slug="let-them-work")

    first = client.get("/act/let-them-work/")
    second = client.get("/act/let-them-work/")

    assert "no-store" in first.headers["Cache-Control"]
    assert "private" in first.headers["Cache-Control"]
    assert "public" not in first.headers["Cache-Control"]
    assert cache_state(second) == "miss"
    assert select(second, "form input[name=csrfmiddlewaretoken]")


def test_a_page_behind_a_password_is_never_public(client, pages):
    PageViewRestriction.objects.create(
        page=pages["release"], restriction_type="password", password="s3cret"
    )

    first = client.get("/press-releases/launch/")
    second = client.get("/press-releases/launch/")

    assert "public" not in first.headers["Cache-Control"]
    assert cache_state(second) == "miss"
    assert "Former" not in second.content.decode()


def test_signed_in_editors_bypass_the_cache_and_get_their_userbar(client, admin_client, pages):
    reader_page = client.get("/less-equal/")
    editor_page = admin_client.get("/less-equal/")

    assert "X-Page-Cache" not in editor_page.headers
    assert "public" not in editor_page.headers["Cache-Control"]
    assert "private" in editor_page.headers["Cache-Control"]
    assert select(editor_page, "wagtail-userbar, [data-wagtail-userbar]") or (
        "userbar" in editor_page.content.decode()
    )
    assert "userbar" not in reader_page.content.decode()
    # What the editor saw was not stored for readers, nor served from what readers got.
    assert cache_state(client.get("/less-equal/")) == "hit"
    assert "userbar" in admin_client.get("/less-equal/").content.decode()


def test_posts_bypass_the_cache(client, pages):
    client.get("/less-equal/")
    response = client.post("/less-equal/", {})
    assert "X-Page-Cache" not in response.headers


def test_a_hit_does_no_database_query_and_renders_no_template(
    client, pages, django_assert_num_queries
):
    first = client.get("/countries/belarus/")
    assert first.templates  # the miss rendered the page
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    try:
        with django_assert_num_queries(0):
            hit = client.get("/countries/belarus/")
    finally:
        template_rendered.disconnect(record)

    assert cache_state(hit) == "hit"
    assert rendered == []
    assert hit.content == first.content


def test_a_head_request_is_answered_from_the_cache_without_a_body(client, pages):
    get = client.get("/less-equal/")
    head = client.head("/less-equal/")
    assert cache_state(head) == "hit"
    assert head.content == b""
    assert head.headers["Cache-Control"] == get.headers["Cache-Control"]


def test_a_published_change_shows_on_the_next_request(client, pages, publish):
    chapter = pages["chapter"]
    client.get("/less-equal/crackdown/")
    client.get("/less-equal/")

    chapter.title = "Crackdown, updated"
    publish(chapter)

    page = client.get("/less-equal/crackdown/")
    assert cache_state(page) == "miss"
    assert "Crackdown, updated" in page.content.decode()
    # The report's table of contents and the whole-report page list the chapter.
    assert "Crackdown, updated" in client.get("/less-equal/").content.decode()
    assert "Crackdown, updated" in client.get("/less-equal/all/").content.decode()


def test_purging_is_exact_unrelated_pages_stay_cached(client, pages, publish):
    client.get("/countries/armenia/")
    client.get("/less-equal/crackdown/")

    chapter = pages["chapter"]
    chapter.title = "Crackdown, updated"
    publish(chapter)

    assert cache_state(client.get("/countries/armenia/")) == "hit"
    assert cache_state(client.get("/less-equal/crackdown/")) == "miss"


def test_an_unpublished_page_is_not_found_on_the_next_request(
    client, pages, django_capture_on_commit_callbacks
):
    assert client.get("/press-releases/launch/").status_code == 200
    assert cache_state(client.get("/press-releases/launch/")) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        pages["release"].unpublish()

    assert client.get("/press-releases/launch/").status_code == 404


def test_every_query_string_of_a_purged_address_goes_with_it(client, pages, publish):
    client.get("/statements/", {"page": "1"})
    assert cache_state(client.get("/statements/", {"page": "1"})) == "hit"

    statement = pages["statement"]
    statement.context_note = "Said at a press conference."
    publish(statement)

    assert cache_state(client.get("/statements/", {"page": "1"})) == "miss"


def test_a_statement_edited_in_the_admin_changes_every_page_that_shows_it(
    client, admin_client, pages, django_capture_on_commit_callbacks
):
    statement = pages["statement"]
    showing = [
        "/less-equal/crackdown/",  # the chapter quoting it (ReferenceIndex)
        "/less-equal/all/",  # the whole report, which has that chapter
        "/countries/belarus/",  # the country it is tagged with
        "/statements/",
        f"/statements/{statement.pk}-safety/",
    ]
    for url in showing:
        assert QUOTE in client.get(url).content.decode(), url
        assert cache_state(client.get(url)) == "hit", url
    url = reverse("wagtailsnippets_statements_statement:edit", args=[statement.pk])
    form = soup(admin_client.get(url)).select_one("form[data-edit-form]")
    data = querydict_from_html(str(form))
    data["text"] = "LGBTI groups must be free to work"
    data["action-publish"] = "action-publish"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    for url in showing:
        page = client.get(url)
        assert "LGBTI groups must be free to work" in page.content.decode(), url
        assert QUOTE not in page.content.decode(), url


def test_an_editor_publishing_a_page_in_the_admin_shows_on_the_next_request(
    client, admin_client, pages, django_capture_on_commit_callbacks
):
    release = pages["release"]
    assert cache_state(client.get("/press-releases/launch/")) == "miss"
    url = reverse("wagtailadmin_pages:edit", args=[release.pk])
    form = soup(admin_client.get(url)).select_one("form[data-edit-form]")
    data = querydict_from_html(str(form))
    data["title"] = "Launch day, corrected"
    # The body's editor is drawn by JavaScript: give its fields as the browser would send.
    for name, value in nested_form_data(
        {"body": streamfield([("paragraph", rich_text("<p>Corrected text.</p>"))])}
    ).items():
        data[name] = value
    data["action-publish"] = "action-publish"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    page = client.get("/press-releases/launch/")
    assert "Launch day, corrected" in page.content.decode()
    assert "Corrected text." in page.content.decode()


def test_an_embargoed_release_is_never_served_before_go_live_and_is_right_after(
    client, pages, django_capture_on_commit_callbacks
):
    press = pages["release"].get_parent()
    embargoed = PressReleasePageFactory(
        parent=press, slug="embargoed", title="Embargoed findings", live=False
    )
    embargoed.go_live_at = timezone.now() + datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        embargoed.save_revision().publish()  # scheduled: approved for go-live tomorrow

    before = client.get("/press-releases/embargoed/")
    assert before.status_code == 404
    cached = client.get("/press-releases/embargoed/")
    assert cached.status_code == 404 and cache_state(cached) == "hit"
    assert "Embargoed findings" not in client.get("/press-releases/").content.decode()

    # The go-live time arrives.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.page_revisions.get(
        object_id=str(embargoed.pk), approved_go_live_at__isnull=False
    )
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)  # what cron runs every minute

    after = client.get("/press-releases/embargoed/")
    assert after.status_code == 200
    assert "Embargoed findings" in after.content.decode()
    assert "Embargoed findings" in client.get("/press-releases/").content.decode()


def test_site_settings_saved_purge_every_page(
    client, pages, django_capture_on_commit_callbacks, site
):
    from advocacy.core.models import SiteSettings

    client.get("/countries/armenia/")
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "More equal"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()

    page = client.get("/countries/armenia/")
    assert cache_state(page) == "miss"
    assert "More equal" in page.content.decode()


def test_with_redis_down_pages_are_still_served_from_the_database(client, pages):
    closed_port = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
        },
    }
    from django.conf import settings

    with override_settings(CACHES={**settings.CACHES, "pages": closed_port}):
        for url in ("/", "/less-equal/crackdown/", "/countries/belarus/", "/less-equal/crackdown/"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert cache_state(response) != "hit"
        assert QUOTE in client.get("/less-equal/crackdown/").content.decode()


@pytest.fixture
def purge_listener():
    """A stand-in for Varnish's PURGE port: a real HTTP server on loopback that records the
    PURGE requests Wagtail's HTTP frontend-cache backend sends it."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            received.append(f"http://{self.headers['Host']}{self.path}")
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", received
    server.shutdown()
    server.server_close()


def test_a_publish_purges_the_frontend_cache_through_wagtails_http_backend(
    client, pages, publish, purge_listener
):
    location, received = purge_listener
    backends = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    chapter = pages["chapter"]
    chapter.title = "Crackdown, updated"

    with override_settings(WAGTAILFRONTENDCACHE=backends):
        publish(chapter)

    assert "http://localhost/less-equal/crackdown/" in received
    assert "http://localhost/ru/less-equal/crackdown/" in received
    assert "http://localhost/less-equal/all/" in received
    assert "http://localhost/" in received
    assert "http://localhost/countries/armenia/" not in received


def test_without_a_frontend_cache_configured_nothing_is_sent(pages, publish, purge_listener):
    _location, received = purge_listener
    chapter = pages["chapter"]
    chapter.title = "Crackdown, updated"
    publish(chapter)
    assert received == []


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/statements/", "/sitemap.xml"])
def test_api_and_sitemap_responses_are_cacheable_and_one_per_address(client, pages, url):
    response = client.get(url, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == PUBLIC
    assert "Vary" not in response.headers
    assert "html" not in response.headers["Content-Type"]  # no browsable HTML variant
    assert cache_state(client.get(url)) == "hit"


def test_a_statement_published_purges_the_statements_api(client, pages, publish):
    statement = pages["statement"]
    assert QUOTE in client.get("/api/v2/statements/").content.decode()
    statement.text = "LGBTI groups must be free to work"
    publish(statement)
    assert "LGBTI groups must be free to work" in client.get("/api/v2/statements/").content.decode()


def test_a_host_we_do_not_serve_gets_400_not_a_cached_page(client, pages):
    client.get("/")
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert cache_state(response) != "hit"


def test_a_card_served_from_the_cache_still_answers_a_conditional_request(
    client, pages, django_capture_on_commit_callbacks
):
    url = f"/statements/{pages['statement'].pk}/card-og.png"
    first = client.get(url)
    assert first.status_code == 200

    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})

    assert cache_state(again) == "hit"
    assert again.status_code == 304
    assert again.content == b""


def test_a_moved_page_leaves_its_old_address_on_the_next_request(
    client, pages, home, django_capture_on_commit_callbacks
):
    other = ReportPageFactory(parent=home, slug="other-report")
    assert client.get("/less-equal/crackdown/").status_code == 200
    assert cache_state(client.get("/less-equal/crackdown/")) == "hit"
    client.get("/less-equal/")

    with django_capture_on_commit_callbacks(execute=True):
        pages["chapter"].move(other, pos="last-child")

    # Not the cached page: Wagtail's automatic redirect to the new address.
    old = client.get("/less-equal/crackdown/")
    assert old.status_code == 301
    assert old.headers["Location"].endswith("/other-report/crackdown/")
    assert client.get("/other-report/crackdown/").status_code == 200
    assert "Crackdown" not in client.get("/less-equal/").content.decode()


def test_a_deleted_page_is_not_found_on_the_next_request(
    client, pages, django_capture_on_commit_callbacks
):
    assert client.get("/countries/armenia/").status_code == 200
    assert cache_state(client.get("/countries/armenia/")) == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        pages["armenia"].delete()

    assert client.get("/countries/armenia/").status_code == 404


def test_the_country_index_published_shows_on_the_next_request(client, pages, publish):
    """The index's ``countries()`` method is not a country tag: publishing it purges it."""
    from countries.models import CountryIndexPage

    index = CountryIndexPage.objects.get()
    client.get("/countries/")

    index.title = "Four countries"
    publish(index)

    page = client.get("/countries/")
    assert cache_state(page) == "miss"
    assert "Four countries" in page.content.decode()
