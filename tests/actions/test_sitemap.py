import pytest

from django.core.management import call_command

from tests.html import texts

pytestmark = pytest.mark.django_db


def test_sitemap_lists_the_calls_to_action(client):
    call_command("load_demo_content", verbosity=0)

    sitemap = client.get("/sitemap.xml").content.decode()

    locations = texts(sitemap, "url > loc")
    assert any(loc.endswith("/act/let-lgbti-groups-work-in-safety/") for loc in locations)
    assert sitemap.count("/act/") == 2
