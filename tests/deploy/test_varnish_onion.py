"""Onion-Location through Varnish: a cached copy names the same path and query on the onion
address, and a changed address reaches cached pages at once (site settings drop the host)."""

from wagtail.models import Site

from advocacy.core.factories import StandardPageFactory
from advocacy.core.models import SiteSettings
from tests.site_home import build_home

ONION = "http://" + "c" * 52 + "2345.onion"
MOVED = "http://" + "d" * 52 + "2345.onion"


def test_cached_copies_carry_the_onion_location_and_follow_a_change(varnish):
    StandardPageFactory(parent=build_home(), slug="about", title="About the coalition")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.onion_address = ONION
    site_settings.save()

    varnish.get("/about/?page=2")
    hit = varnish.get("/about/?page=2")
    assert hit.cache == "HIT"
    assert hit.headers["onion-location"] == ONION + "/about/?page=2"
    # Tracking parameters are dropped before the application sees the address.
    tagged = varnish.get("/about/?utm_source=x")
    assert tagged.headers["onion-location"] == ONION + "/about/"

    site_settings.onion_address = MOVED
    site_settings.save()
    after = varnish.get("/about/?page=2")
    assert after.cache == "MISS"
    assert after.headers["onion-location"] == MOVED + "/about/?page=2"
