"""Onion-Location: with the site's onion address in the site settings, every public
response names the same path and query there, cached copies included."""

import pytest

from django.core.exceptions import ValidationError

from advocacy.core.models import SiteSettings
from tests.core.test_pagecache import cache_state

pytestmark = pytest.mark.django_db

ONION = "http://" + "a" * 52 + "2345.onion"
OTHER = "http://" + "b" * 52 + "7777.onion"


def set_onion(site, address, capture):
    settings = SiteSettings.for_site(site)
    settings.onion_address = address
    settings.full_clean()
    with capture(execute=True):
        settings.save()


def test_no_onion_address_no_header(client, site):
    assert "Onion-Location" not in client.get("/")


def test_every_public_response_names_the_same_path_and_query_on_the_onion_address(
    client, site, django_capture_on_commit_callbacks
):
    set_onion(site, ONION.upper() + "/", django_capture_on_commit_callbacks)  # normalised
    assert SiteSettings.for_site(site).onion_address == ONION

    assert client.get("/")["Onion-Location"] == ONION + "/"
    assert client.get("/?page=2&q=%D0%B0")["Onion-Location"] == ONION + "/?page=2&q=%D0%B0"
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert missing["Onion-Location"] == ONION + "/no-such-page/"
    assert client.get("/robots.txt")["Onion-Location"] == ONION + "/robots.txt"
    # Not for the admin.
    assert "Onion-Location" not in client.get("/admin/login/")


def test_cached_pages_carry_the_header_and_a_changed_address_reaches_them(
    client, site, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = True
    set_onion(site, ONION, django_capture_on_commit_callbacks)
    first = client.get("/?x=1")
    again = client.get("/?x=1")
    assert cache_state(again) == "hit"
    assert first["Onion-Location"] == again["Onion-Location"] == ONION + "/?x=1"

    set_onion(site, OTHER, django_capture_on_commit_callbacks)
    changed = client.get("/?x=1")
    assert changed["Onion-Location"] == OTHER + "/?x=1"

    set_onion(site, "", django_capture_on_commit_callbacks)
    assert "Onion-Location" not in client.get("/?x=1")


@pytest.mark.parametrize(
    "address",
    ["example.org", "http://short.onion", "http://" + "1" * 56 + ".onion", "javascript:x.onion"],
)
def test_only_an_onion_address_is_accepted(site, address):
    settings = SiteSettings.for_site(site)
    settings.onion_address = address
    with pytest.raises(ValidationError):
        settings.full_clean()
