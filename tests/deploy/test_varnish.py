"""Public pages through Varnish (deploy/varnish/default.vcl) in front of the application:
anonymous readers are served from the cache, everything personal goes to the application,
PURGE is taken only from the application's address, and a change is visible on the next
request (the purge path: advocacy.core.pagecache, Wagtail's frontend cache)."""

import time
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.contrib.frontend_cache.utils import PurgeBatch

from advocacy.core.factories import StandardPageFactory
from reports.factories import PressReleaseIndexPageFactory, PressReleasePageFactory
from tests.site_home import build_home

SECRET = "Quuxembargo"  # a word that appears only in the embargoed release


@pytest.fixture
def about(varnish):
    home = build_home()
    return StandardPageFactory(parent=home, slug="about", title="About the coalition")


def test_a_second_anonymous_request_is_a_cache_hit(varnish, about):
    first = varnish.get("/about/")
    second = varnish.get("/about/")

    assert first.status == second.status == 200
    assert first.cache == "MISS"
    assert second.cache == "HIT"
    assert "About the coalition" in second.body
    assert second.body == first.body
    assert "set-cookie" not in second.headers
    assert "s-maxage=" in second.headers["cache-control"]


def test_tracking_parameters_share_the_cached_copy(varnish, about):
    varnish.get("/about/")
    tagged = varnish.get("/about/?utm_source=newsletter&utm_medium=email&fbclid=x1")

    assert tagged.status == 200
    assert tagged.cache == "HIT"


def test_a_csrf_or_analytics_cookie_does_not_split_the_cache(varnish, about):
    varnish.get("/about/")
    with_cookies = varnish.get("/about/", headers={"Cookie": "csrftoken=abc; _pk_id=1"})

    assert with_cookies.cache == "HIT"
    assert "set-cookie" not in with_cookies.headers


def test_a_signed_in_editor_always_reaches_the_application(varnish, about, admin_user):
    varnish.get("/about/")
    browser = Client()
    browser.force_login(admin_user)
    session = browser.cookies["sessionid"].value

    editor = varnish.get("/about/", headers={"Cookie": f"sessionid={session}"})

    assert editor.status == 200
    assert editor.cache == "PASS"
    assert varnish.get("/about/").cache == "HIT"  # readers still get the cached copy


@pytest.mark.parametrize(
    "method, path, headers",
    [
        ("GET", "/admin/", {}),
        ("GET", "/about/", {"Authorization": "Basic ZWRpdG9yOnNlY3JldA=="}),
        ("POST", "/about/", {"Content-Type": "application/x-www-form-urlencoded"}),
        ("GET", "/health/", {}),
    ],
)
def test_admin_authorization_and_post_are_never_cached(varnish, about, method, path, headers):
    varnish.get("/about/")  # an anonymous copy exists
    for _ in range(2):
        response = varnish.request(
            method, path, headers=headers, body="" if method == "POST" else None
        )
        assert response.cache == "PASS", (method, path, response.status)


def test_sign_and_embargo_pages_are_never_cached(varnish, about):
    for path in (
        "/act/some-petition/",
        "/ru/act/some-petition/",
        "/act/confirm/token/",
        "/embargo/a-journalists-link/",
        "/ru/embargo/a-journalists-link/",
    ):
        for _ in range(2):
            assert varnish.get(path).cache == "PASS", path


def test_unknown_methods_are_refused(varnish, about):
    assert varnish.request("BREW", "/about/").status == 405


def test_purge_from_the_application_drops_the_page(varnish, about):
    varnish.get("/about/")
    assert varnish.get("/about/").cache == "HIT"

    purged = varnish.request("PURGE", "/about/")

    assert purged.status == 200
    assert varnish.get("/about/").cache == "MISS"


def test_purge_drops_every_query_string_of_the_path(varnish, about):
    varnish.get("/about/?page=2")
    assert varnish.get("/about/?page=2").cache == "HIT"

    varnish.request("PURGE", "/about/")

    assert varnish.get("/about/?page=2").cache == "MISS"


def test_purge_from_elsewhere_is_refused(varnish, about):
    varnish.get("/about/")

    refused = varnish.request("PURGE", "/about/", source="127.0.0.2")

    assert refused.status == 405
    assert varnish.get("/about/").cache == "HIT"


@pytest.mark.parametrize("host", ["local host", "localhost\tx", ""])
def test_a_purge_with_a_malformed_host_is_refused(varnish, about, host):
    varnish.get("/about/")

    assert varnish.request("PURGE", "/about/", headers={"Host": host}).status == 400
    assert varnish.get("/about/").cache == "HIT"


def test_wagtails_frontend_cache_backend_purges_a_page(varnish, about):
    varnish.get("/about/")
    batch = PurgeBatch()
    batch.add_page(about)

    batch.purge()

    assert varnish.get("/about/").cache == "MISS"


def test_a_published_change_is_on_the_next_request(varnish, about):
    assert "About the coalition" in varnish.get("/about/").body
    assert varnish.get("/about/").cache == "HIT"

    about.title = "About the new coalition"
    about.save_revision().publish()

    after = varnish.get("/about/")
    assert after.status == 200
    assert "About the new coalition" in after.body


def test_an_unpublished_page_is_gone_on_the_next_request(varnish, about):
    assert varnish.get("/about/").status == 200
    assert varnish.get("/about/").cache == "HIT"

    about.unpublish()

    assert varnish.get("/about/").status == 404


def test_an_embargoed_release_is_never_served_before_go_live(varnish):
    home = build_home()
    index = PressReleaseIndexPageFactory(parent=home, slug="press-releases")
    release = PressReleasePageFactory(
        parent=index, slug="launch", title=f"{SECRET} launch", standfirst=SECRET
    )
    release.unpublish()
    go_live = timezone.now() + timedelta(seconds=2)
    release.go_live_at = go_live
    release.save_revision().publish()  # scheduled: approved to go live in two seconds

    for _ in range(3):
        before = varnish.get("/press-releases/launch/")
        assert before.status == 404
        assert SECRET not in before.body
        listing = varnish.get("/press-releases/")
        assert SECRET not in listing.body

    # Go-live time comes: until the scheduler runs (cron: manage.py publish_scheduled) the
    # release is still not live, so still a 404; then it is published and purged.
    while timezone.now() <= go_live:
        time.sleep(0.1)
    assert varnish.get("/press-releases/launch/").status == 404
    call_command("publish_scheduled", verbosity=0)

    after = varnish.get("/press-releases/launch/")
    assert after.status == 200
    assert f"{SECRET} launch" in after.body
    assert SECRET in varnish.get("/press-releases/").body


def test_site_settings_saved_drop_every_page_of_the_host(varnish, about):
    """The footer is on every page: the cache tier drops the whole host, not one path."""
    from wagtail.models import Site

    from advocacy.core.models import SiteSettings

    varnish.get("/about/")
    varnish.get("/")
    assert varnish.get("/about/").cache == "HIT"

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_text = "A footer written today"
    site_settings.save()

    after = varnish.get("/about/")
    assert after.cache == "MISS"
    assert "A footer written today" in after.body
    assert varnish.get("/").cache == "MISS"
