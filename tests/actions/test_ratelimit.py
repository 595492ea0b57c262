"""Per-client rate limit on signing, keyed on the real client address behind our proxies."""

import pytest

from django.test import RequestFactory, override_settings

from advocacy.actions import ratelimit
from advocacy.actions.models import Signature
from advocacy.core.network import client_address
from tests.html import text

from .signer import form_data

pytestmark = pytest.mark.django_db


def post_from(client, action, address, n, **extra):
    return client.post(
        action.get_absolute_url(),
        form_data(action, email=f"person{n}@example.org"),
        REMOTE_ADDR=address,
        **extra,
    )


@override_settings(ACTIONS_RATE_LIMIT=3, ACTIONS_RATE_PERIOD=3600)
def test_over_the_limit_a_submission_gets_a_clear_429_page_and_stores_nothing(client, petition):
    for n in range(3):
        assert post_from(client, petition, "203.0.113.7", n).status_code == 302

    response = post_from(client, petition, "203.0.113.7", 99)

    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 3600
    page = response.content.decode()
    assert text(page, "h1") == "Too many attempts"
    assert "Your signature was not recorded" in page
    assert "Please try again in" in page
    assert Signature.objects.count() == 3
    assert not Signature.objects.filter(email="person99@example.org").exists()


@override_settings(ACTIONS_RATE_LIMIT=2)
def test_another_address_is_not_held_back(client, petition):
    post_from(client, petition, "203.0.113.7", 1)
    post_from(client, petition, "203.0.113.7", 2)

    assert post_from(client, petition, "203.0.113.7", 3).status_code == 429
    assert post_from(client, petition, "198.51.100.20", 4).status_code == 302


@override_settings(ACTIONS_RATE_LIMIT=2)
def test_invalid_and_honeypot_submissions_count_too(client, petition):
    client.post(petition.get_absolute_url(), {"name": ""}, REMOTE_ADDR="203.0.113.7")
    client.post(
        petition.get_absolute_url(),
        form_data(petition, website="spam"),
        REMOTE_ADDR="203.0.113.7",
    )

    assert post_from(client, petition, "203.0.113.7", 1).status_code == 429


@override_settings(ACTIONS_RATE_LIMIT=2)
def test_reading_the_page_is_never_limited(client, petition):
    for _ in range(10):
        assert client.get(petition.get_absolute_url(), REMOTE_ADDR="203.0.113.7").status_code == 200


@override_settings(ACTIONS_RATE_LIMIT=2, TRUSTED_PROXIES=[])
def test_without_a_trusted_proxy_a_forged_forwarded_for_header_changes_nothing(client, petition):
    for n in range(2):
        post_from(client, petition, "203.0.113.7", n, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")

    response = post_from(client, petition, "203.0.113.7", 9, HTTP_X_FORWARDED_FOR="10.0.0.9")

    assert response.status_code == 429


@override_settings(ACTIONS_RATE_LIMIT=2, TRUSTED_PROXIES=["127.0.0.1"])
def test_behind_one_proxy_the_client_is_the_address_the_proxy_appended(client, petition):
    proxy = "127.0.0.1"
    # Each visitor forges whatever they like on the left; the proxy appends the real address.
    for n in range(2):
        post_from(client, petition, proxy, n, HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.7")
    assert (
        post_from(client, petition, proxy, 2, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    )
    # A different visitor behind the same proxy is not held back.
    assert (
        post_from(client, petition, proxy, 3, HTTP_X_FORWARDED_FOR="198.51.100.20").status_code
        == 302
    )


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        ([], "203.0.113.7", "1.2.3.4", "203.0.113.7"),  # no proxy trusted: header ignored
        (["10.0.0.0/8"], "203.0.113.9", "1.2.3.4", "203.0.113.9"),  # not from our proxy
        (["10.0.0.1"], "10.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (["10.0.0.0/8"], "10.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (["10.0.0.1"], "10.0.0.1", "", "10.0.0.1"),
        (["10.0.0.1"], "10.0.0.1", "1.2.3.4, not-an-address", ""),
        (["10.0.0.1"], "not-an-address", "1.2.3.4", ""),
    ],
)
def test_client_address(proxies, remote, forwarded, expected):
    request = RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    with override_settings(TRUSTED_PROXIES=proxies):
        assert client_address(request) == expected


@override_settings(ACTIONS_RATE_LIMIT=2)
def test_ipv6_clients_are_limited_by_their_64(client, petition):
    post_from(client, petition, "2001:db8:1:2::1", 1)
    post_from(client, petition, "2001:db8:1:2::ffff", 2)

    assert post_from(client, petition, "2001:db8:1:2:abcd::9", 3).status_code == 429
    assert post_from(client, petition, "2001:db8:1:3::1", 4).status_code == 302


def test_the_cache_holds_no_ip_address(petition):
    from django.core.cache import cache

    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    ratelimit.hit(request)

    keys = cache.keys("*")  # this test process's keys in the shared Redis
    assert keys and not any("203.0.113.7" in key for key in keys)


SHARED_LIMIT_SCRIPT = """
import copy, os, sys
import django
django.setup()
from django.conf import settings
from django.test import RequestFactory, override_settings
caches = copy.deepcopy(settings.CACHES)
caches["default"]["KEY_PREFIX"] = sys.argv[1]
with override_settings(CACHES=caches, ACTIONS_RATE_LIMIT=3, ACTIONS_RATE_PERIOD=3600):
    from advocacy.actions import ratelimit
    for _ in range(3):
        assert ratelimit.hit(RequestFactory().post("/act/x/", REMOTE_ADDR="203.0.113.7")).allowed
print("counted 3")
"""


@override_settings(ACTIONS_RATE_LIMIT=3, ACTIONS_RATE_PERIOD=3600)
def test_another_worker_process_counts_towards_the_same_limit(client, petition):
    """Issue 9, item 7: gunicorn's workers share one count (Redis), not one each."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from django.conf import settings

    worker = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHARED_LIMIT_SCRIPT, settings.CACHES["default"]["KEY_PREFIX"]],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "advocacy.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stderr
    assert "counted 3" in worker.stdout

    response = post_from(client, petition, "203.0.113.7", 1)

    assert response.status_code == 429
    assert not Signature.objects.exists()


@override_settings(ACTIONS_RATE_LIMIT=5, ACTIONS_RATE_PERIOD=3600)
@pytest.mark.parametrize("proxies", [[], ["10.0.0.1"]])
def test_rotating_forwarded_for_from_an_untrusted_peer_gets_nothing(client, petition, proxies):
    """A client reaching the app directly cannot mint new identities with a header."""
    with override_settings(TRUSTED_PROXIES=proxies):
        statuses = [
            post_from(
                client,
                petition,
                "203.0.113.7",
                n,
                HTTP_X_FORWARDED_FOR=f"198.51.{n}.{n}, 192.0.2.{n}",
                HTTP_X_REAL_IP=f"192.0.2.{n}",
                HTTP_FORWARDED=f"for=192.0.2.{n}",
            ).status_code
            for n in range(40)
        ]

    assert statuses == [302] * 5 + [429] * 35
    assert Signature.objects.count() == 5


def test_the_limit_is_counted_by_django_ratelimit_under_a_keyed_hash(petition):
    from django.core.cache import cache

    request = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2::1")
    ratelimit.hit(request)

    keys = [key for key in cache.keys("*") if not key.startswith("site-frame:")]
    assert len(keys) == 1
    assert keys[0].startswith("rl:")  # django-ratelimit's prefix
    assert "2001:db8" not in keys[0]
