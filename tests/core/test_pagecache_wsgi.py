"""The page cache's front door (advocacy.core.pagecache_wsgi): gunicorn's WSGI application
answers a current entry before Django builds a request, with exactly the headers Django
sent, and a purge reaches every worker's copy before its next request. Runs on the real
Redis (the tests settings' "pages" alias)."""

import pytest

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory, override_settings
from django.test.signals import template_rendered

from advocacy.core import pagecache, pagecache_wsgi
from advocacy.core.pagecache_wsgi import PageCacheHandler
from advocacy.statements.factories import StatementFactory

pytestmark = pytest.mark.django_db

QUOTE = "State authorities must ensure that LGBTI groups can work in safety"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    pagecache.forget_outage()
    yield
    pagecache.forget_outage()


@pytest.fixture
def wsgi():
    """Call the WSGI application as gunicorn does; returns (status, headers, body). Django's
    end-of-request connection clean-up is held off, as Django's test client does, so the
    test's transaction survives."""
    handler = PageCacheHandler()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    def call(path, method="GET", headers=None, **environ):
        request = RequestFactory().generic(method, path, headers=headers or {})
        started = {}

        def start_response(status, response_headers, exc_info=None):
            started["status"], started["headers"] = status, response_headers

        chunks = handler(dict(request.environ, **environ), start_response)
        try:
            body = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
        return started["status"], dict(started["headers"]), body

    yield call
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def statement_url(quote_desk):
    statement = StatementFactory(text=QUOTE, slug="safety")
    statement.save_revision().publish()
    return f"/statements/{statement.pk}-safety/"


def without_moment(headers):
    return {k: v for k, v in headers.items() if k not in ("X-Page-Cache", "Date")}


def test_a_hit_carries_every_header_the_miss_had_and_touches_nothing_in_django(
    wsgi, statement_url, django_assert_num_queries
):
    status, miss_headers, miss_body = wsgi(statement_url)
    assert status == "200 OK"
    assert miss_headers["X-Page-Cache"] == "miss"
    assert QUOTE in miss_body.decode()

    signals, rendered = [], []

    def started(**kwargs):
        signals.append("request_started")

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    request_started.connect(started)
    template_rendered.connect(record)
    try:
        with django_assert_num_queries(0):
            status, hit_headers, hit_body = wsgi(statement_url)
    finally:
        request_started.disconnect(started)
        template_rendered.disconnect(record)

    assert status == "200 OK"
    assert hit_headers["X-Page-Cache"] == "hit"
    assert hit_body == miss_body
    # The security headers added by the outermost middleware come with the hit.
    assert without_moment(hit_headers) == without_moment(miss_headers)
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options"):
        assert header in hit_headers
    assert signals == [] and rendered == []  # no request object, no template


def test_a_workers_copy_needs_no_redis_round_trip(wsgi, statement_url, monkeypatch):
    wsgi(statement_url)
    assert wsgi(statement_url)[1]["X-Page-Cache"] == "hit"  # now kept in this worker
    sent = []
    reader = pagecache_wsgi._tracked._reader
    assert reader is not None, "the worker is not tracking its copies with Redis"
    original = reader.send_command
    monkeypatch.setattr(reader, "send_command", lambda *a, **k: sent.append(a) or original(*a, **k))

    for _ in range(3):
        assert wsgi(statement_url)[1]["X-Page-Cache"] == "hit"
    assert sent == []


def test_a_purge_reaches_the_workers_copy_before_its_next_request(wsgi, statement_url):
    wsgi(statement_url)
    assert wsgi(statement_url)[1]["X-Page-Cache"] == "hit"

    pagecache.purge_urls([statement_url])

    assert wsgi(statement_url)[1]["X-Page-Cache"] == "miss"
    assert wsgi(statement_url)[1]["X-Page-Cache"] == "hit"


def test_a_purge_of_every_page_reaches_the_workers_copies(wsgi, statement_url, home):
    for path in (statement_url, "/statements/"):
        wsgi(path)
        assert wsgi(path)[1]["X-Page-Cache"] == "hit"

    pagecache.purge_urls([], everything=True)

    assert wsgi(statement_url)[1]["X-Page-Cache"] == "miss"
    assert wsgi("/statements/")[1]["X-Page-Cache"] == "miss"


def test_a_head_hit_has_no_body_but_the_gets_length(wsgi, statement_url):
    _status, get_headers, get_body = wsgi(statement_url)
    status, headers, body = wsgi(statement_url, method="HEAD")
    assert status == "200 OK"
    assert headers["X-Page-Cache"] == "hit"
    assert body == b""
    assert headers["Content-Length"] == str(len(get_body))


@pytest.mark.parametrize(
    ("method", "headers", "environ"),
    [
        ("POST", {}, {}),
        ("GET", {}, {"HTTP_COOKIE": "sessionid=abc"}),
        ("GET", {"Authorization": "Basic eDp5"}, {}),
    ],
    ids=["post", "session cookie", "authorization"],
)
def test_what_may_depend_on_the_visitor_never_comes_from_the_cache(
    wsgi, statement_url, method, headers, environ
):
    wsgi(statement_url)
    assert wsgi(statement_url)[1]["X-Page-Cache"] == "hit"
    _status, response_headers, _body = wsgi(statement_url, method, headers, **environ)
    assert response_headers.get("X-Page-Cache") != "hit"


def test_a_conditional_request_gets_its_answer_from_django(wsgi, statement_url):
    wsgi(statement_url)
    status, headers, body = wsgi(statement_url, headers={"If-None-Match": '"nothing-matches"'})
    assert status == "200 OK"
    assert body


def test_a_host_we_do_not_serve_is_refused_not_answered_from_the_cache(wsgi, statement_url):
    wsgi(statement_url)
    status, headers, _body = wsgi(statement_url, HTTP_HOST="evil.example")
    assert status.startswith("400")
    assert headers.get("X-Page-Cache") != "hit"


@pytest.mark.parametrize(
    "path_info",
    ["/statements/\xff\xfe/", "/statements/%00/", "/" + "a" * 5000 + "/", "/statements/\x00/"],
    ids=["invalid utf-8", "encoded nul", "huge", "raw nul"],
)
def test_hostile_addresses_get_a_calm_answer(wsgi, statement_url, path_info):
    status, _headers, _body = wsgi("/", PATH_INFO=path_info)
    assert int(status[:3]) < 500, status


def test_with_redis_down_the_front_door_hands_every_request_to_django(wsgi, statement_url):
    from django.conf import settings

    wsgi(statement_url)
    assert wsgi(statement_url)[1]["X-Page-Cache"] == "hit"
    closed_port = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
    with override_settings(CACHES={**settings.CACHES, "pages": closed_port}):
        for _ in range(2):
            status, headers, body = wsgi(statement_url)
            assert status == "200 OK"
            assert headers.get("X-Page-Cache") != "hit"  # not the copy from the other server
            assert QUOTE in body.decode()
