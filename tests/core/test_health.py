"""/health/: what the cache tier's probe asks (deploy/varnish/site.vcl)."""

import socket

import pytest

from django.db import connections
from django.db.backends.postgresql.base import DatabaseWrapper as PostgresWrapper
from django.test import Client

from tests.core.test_database_timeouts import unreachable_database


@pytest.mark.django_db
def test_health_is_ok_while_the_database_answers(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def get_without_a_database(path):
    """GET ``path`` while the database is a closed port."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]  # closed at once: nothing listens there
    original = connections["default"]
    connections["default"] = PostgresWrapper(unreachable_database(port), alias="default")
    try:
        return Client(raise_request_exception=False).get(path)
    finally:
        connections["default"].close()
        connections["default"] = original


@pytest.mark.django_db
def test_health_is_503_when_the_database_is_unreachable():
    response = get_without_a_database("/health/")

    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_health_takes_only_get_and_head(client, method):
    assert getattr(client, method)("/health/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/statements/", "/no-such-page/"])
def test_a_page_is_the_calm_503_page_when_the_database_is_unreachable(settings, path):
    """Not the error page: "back in a moment", with Retry-After, and never cached."""
    settings.PAGE_CACHE = False
    response = get_without_a_database(path)

    assert response.status_code == 503
    assert "Back in a moment" in response.content.decode()
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
