"""Fixtures for the cache tier's tests: a Varnish of the test's own in front of the app.

``varnish``: Varnish in front of pytest-django's live server (a real threaded HTTP server in
this process, on the test database), emptied before each test. The purge path therefore runs
exactly as in production: a change saved in the test commits, the background task (run at
once by the test settings) sends Wagtail's PURGE requests to this Varnish.
"""

import pytest

from .varnish import Varnish, varnishd_or_skip


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/deploy/" in str(item.path):
            item.add_marker(pytest.mark.varnish)


@pytest.fixture(scope="session")
def varnish_in_front_of_live_server(live_server, tmp_path_factory):
    varnishd_or_skip()
    port = int(live_server.url.rsplit(":", 1)[1])
    # No health probe here: between tests pytest-django closes the database to the live
    # server's thread, so /health/ would fail (the probe is tested with gunicorn, in
    # test_varnish_outage.py).
    varnish = Varnish(
        backend_port=port, workdir=tmp_path_factory.mktemp("varnish"), probe_url=""
    ).start()
    try:
        yield varnish
    finally:
        varnish.stop()


@pytest.fixture
def varnish(varnish_in_front_of_live_server, transactional_db, settings):
    """Varnish, empty, with the app's purges pointed at it (as VARNISH_URL does)."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish_in_front_of_live_server.url,
        }
    }
    varnish_in_front_of_live_server.empty()
    return varnish_in_front_of_live_server
