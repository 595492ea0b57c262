"""The sign page stays signable behind a cache: nobody gets another visitor's CSRF token."""

import re

import pytest

from django.conf import settings
from django.test import Client, override_settings

from advocacy.actions.models import Signature

from .signer import form_data

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

# Django's whole-site cache in front of everything, as a careless deployment would add it.
SITE_CACHE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *settings.MIDDLEWARE,
    "django.middleware.cache.FetchFromCacheMiddleware",
]


def test_form_pages_tell_every_cache_not_to_store_them(client, petition):
    for path in (petition.get_absolute_url(),):
        response = client.get(path)
        cache_control = response.headers["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control
        assert "Cookie" in response.headers["Vary"]


def test_confirmation_page_is_not_cached_either(client, petition):
    from django.core import mail

    from .signer import confirmation_link, sign

    sign(client, petition)
    response = client.get(confirmation_link(mail.outbox[-1]))

    assert "no-store" in response.headers["Cache-Control"]


@override_settings(MIDDLEWARE=SITE_CACHE, CACHE_MIDDLEWARE_SECONDS=600)
def test_two_visitors_behind_a_site_cache_get_their_own_token_and_both_can_sign(petition):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    first_page = first.get(petition.get_absolute_url())
    second_page = second.get(petition.get_absolute_url())

    first_token = TOKEN.search(first_page.content.decode()).group(1)
    second_token = TOKEN.search(second_page.content.decode()).group(1)
    assert first_token != second_token
    assert "csrftoken" in second_page.cookies, "the second visitor got a page of their own"
    for visitor, token, email in (
        (second, second_token, "second@example.org"),
        (first, first_token, "first@example.org"),
    ):
        response = visitor.post(
            petition.get_absolute_url(),
            {**form_data(petition, email=email), "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302, response.status_code
    assert Signature.objects.count() == 2


@override_settings(MIDDLEWARE=SITE_CACHE, CACHE_MIDDLEWARE_SECONDS=600)
def test_a_token_from_someone_elses_page_is_refused(petition):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token = TOKEN.search(first.get(petition.get_absolute_url()).content.decode()).group(1)
    second.get(petition.get_absolute_url())

    response = second.post(
        petition.get_absolute_url(), {**form_data(petition), "csrfmiddlewaretoken": first_token}
    )

    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_pages_that_place_an_action_carry_no_token_and_may_be_cached(client, home, petition):
    from reports.factories import ReportChapterPageFactory, ReportPageFactory

    report = ReportPageFactory(parent=home, slug="less-equal")
    chapter = ReportChapterPageFactory(
        parent=report, slug="chapter", body=[("call_to_action", petition)]
    )

    response = client.get(chapter.url)

    assert "Sign the petition" in response.content.decode()
    # On the raw bytes: a per-visitor token anywhere in a shared cached page is a leak.
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies
