from datetime import timedelta
from xml.etree import ElementTree

import pytest

from django.utils import timezone

from advocacy.core.models import SiteSettings
from reports.factories import PressReleasePageFactory
from tests.html import hrefs, select

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_press_release_shows_notes_media_contact_and_report(client, site, release):
    settings = SiteSettings.for_site(site)
    settings.press_contact_name = "Press office"
    settings.press_email = "press@example.org"
    settings.save()
    release.notes_to_editors = "<p>Interviews available.</p>"
    release.dateline = "London"
    release.save_revision().publish()

    html = client.get(release.url).content.decode()

    assert "Notes to editors" in html
    assert "Interviews available." in html
    assert "Press office" in html
    assert "mailto:press@example.org" in hrefs(html)
    assert "London — " in html
    assert "Less equal: LGBTI human rights defenders" in html


def test_embargoed_release_is_hidden_from_the_public_and_flagged_to_staff(
    client, admin_client, press_index
):
    embargo = timezone.now() + timedelta(days=2)
    release = PressReleasePageFactory(parent=press_index, slug="embargoed", live=False)
    release.go_live_at = embargo
    release.save_revision().publish()  # with a future go-live date this schedules it
    release.refresh_from_db()

    assert release.live is False
    assert client.get("/press-releases/embargoed/").status_code == 404
    preview = admin_client.get(f"/admin/pages/{release.pk}/view_draft/")
    assert preview.status_code == 200
    assert "Embargoed until" in preview.content.decode()


def test_atom_feed_lists_live_releases_newest_first_and_is_advertised(client, press_index):
    now = timezone.now()
    PressReleasePageFactory(parent=press_index, title="Older", release_time=now - timedelta(days=3))
    PressReleasePageFactory(parent=press_index, title="Newer", release_time=now - timedelta(days=1))
    PressReleasePageFactory(parent=press_index, title="Unpublished draft", live=False)

    response = client.get("/press-releases/feed/")

    assert response.headers["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Newer", "Older"]
    index_html = client.get("/press-releases/").content.decode()
    assert select(index_html, 'link[rel~="alternate"][type="application/atom+xml"]')


def test_press_release_index_paginates_bad_page_numbers_gracefully(client, press_index):
    PressReleasePageFactory(parent=press_index, title="Only release")
    for page in ("abc", "99999", "-1"):
        response = client.get(f"/press-releases/?page={page}")
        assert response.status_code == 200
        assert "Only release" in response.content.decode()
