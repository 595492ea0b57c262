from xml.etree import ElementTree

import pytest

from django.core.management import call_command

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_the_calls_to_action(client):
    call_command("load_demo_content", verbosity=0)

    sitemap = client.get("/sitemap.xml").content.decode()

    locations = [loc.text for loc in ElementTree.fromstring(sitemap).iter(f"{SITEMAP}loc")]
    assert any(loc.endswith("/act/let-lgbti-groups-work-in-safety/") for loc in locations)
    assert any(loc.endswith("/act/") for loc in locations)  # the index page, a page like any other
    # The index and the two actions in English; their Russian versions under /ru/.
    english = [loc for loc in locations if "/act/" in loc and "/ru/" not in loc]
    assert len(english) == 3
    assert all(
        loc.split("/act/")[0].endswith("/ru")
        for loc in locations
        if "/act/" in loc and loc not in english
    )
