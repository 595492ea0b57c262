"""A draft, a restricted page or a scheduled page never reaches any public surface."""

from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction

from reports.factories import PressReleasePageFactory
from tests.html import hrefs

pytestmark = pytest.mark.django_db
SECRET = "Zanzibarquux"  # a word that appears only in the hidden release


def make_hidden(state, press_index):
    release = PressReleasePageFactory(
        parent=press_index, title=f"{SECRET} release", slug=f"hidden-{state}", standfirst=SECRET
    )
    if state == "draft":
        release.unpublish()
    elif state == "restricted":
        PageViewRestriction.objects.create(
            page=release, restriction_type="password", password="s3cret"
        )
    elif state == "scheduled":
        release.unpublish()
        release.go_live_at = timezone.now() + timedelta(days=1)
        release.save_revision().publish()
    call_command("update_index", verbosity=0)
    return release


@pytest.fixture(params=["draft", "restricted", "scheduled"])
def hidden(request, press_index):
    visible = PressReleasePageFactory(parent=press_index, title="Visible release", slug="visible")
    return make_hidden(request.param, press_index), visible


def test_hidden_page_itself(client, hidden):
    release, _ = hidden
    response = client.get(f"/press-releases/{release.slug}/")
    assert SECRET not in response.content.decode()


def test_hidden_page_not_in_listing_or_search(client, hidden):
    listing = client.get("/press-releases/").content.decode()
    assert "Visible release" in listing
    assert SECRET not in listing
    results = client.get(f"/search/?q={SECRET}").content.decode()
    assert "0 results for" in results
    assert "/press-releases/hidden-" not in results
    assert "/press-releases/visible/" in hrefs(client.get("/search/?q=visible"))


def test_hidden_page_not_in_sitemap(client, hidden):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/press-releases/visible/" in sitemap
    assert "hidden-" not in sitemap


def test_hidden_page_not_in_feed(client, hidden):
    feed = client.get("/press-releases/feed/").content.decode()
    assert "Visible release" in feed
    assert SECRET not in feed


def test_hidden_page_not_in_api(client, hidden):
    release, _ = hidden
    listing = client.get("/api/v2/pages/?type=reports.PressReleasePage&fields=standfirst")
    assert "Visible release" in listing.content.decode()
    assert SECRET not in listing.content.decode()
    assert client.get(f"/api/v2/pages/{release.pk}/").status_code == 404
    assert SECRET not in client.get(f"/api/v2/pages/?search={SECRET}").content.decode()
