import pytest

from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_sitemap_lists_the_calls_to_action(client):
    call_command("load_demo_content", verbosity=0)

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "/act/let-lgbti-groups-work-in-safety/</loc>" in sitemap
    assert "/act/</loc>" in sitemap  # the index page, a page like any other
    assert sitemap.count("/act/") == 3
