"""The database goes away behind Varnish: pages Varnish holds are still served (their
stale-if-error), pages it does not hold get the 503 page at once, and everything is back
when the database is.

The application here is gunicorn, as in production, on the test database (PostgreSQL)
reached through a relay the test cuts (tests/deploy/dbproxy.py). Varnish keeps pages fresh
for at most a second here (run.sh's MAX_TTL), so the pages it serves during the outage are
past their freshness, served only because the backend fails."""

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from django.db import connection

from advocacy.core.factories import StandardPageFactory
from tests.site_home import build_home

from .dbproxy import DatabaseRelay
from .varnish import BASE_DIR, Varnish, free_port, varnishd_or_skip


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        message = "the outage test runs gunicorn on a PostgreSQL test database (DATABASE_URL)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return connection.settings_dict


@pytest.fixture
def relay(postgres):
    relay = DatabaseRelay(postgres["HOST"] or "127.0.0.1", postgres["PORT"] or 5432).up()
    yield relay
    relay.down()


@pytest.fixture
def gunicorn(postgres, relay, tmp_path):
    """gunicorn (two workers) serving the test database through the relay; stopped by PID."""
    port = free_port()
    user = postgres["USER"] or "postgres"
    password = f":{postgres['PASSWORD']}" if postgres["PASSWORD"] else ""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "advocacy.settings.test",
        "DATABASE_URL": (f"postgres://{user}{password}@127.0.0.1:{relay.port}/{postgres['NAME']}"),
        "DB_CONN_MAX_AGE": "0",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(  # noqa: S603
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "advocacy.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--error-logfile",
            "-",
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=5):  # noqa: S310
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        "gunicorn did not start:\n" + (tmp_path / "gunicorn.log").read_text()
                    )
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(params=["probe", "no probe"])
def varnish(request, gunicorn, tmp_path):
    """Varnish in front of gunicorn: with its /health/ probe (production), and without one
    (then each failing answer is what sends readers to the stale copy)."""
    varnishd_or_skip()
    varnish = Varnish(
        backend_port=gunicorn,
        workdir=tmp_path / "varnish",
        probe_url="/health/" if request.param == "probe" else "",
        max_ttl="1s",
    )
    varnish.workdir.mkdir()
    varnish.start()
    try:
        if request.param == "probe":
            varnish.wait_for_backend(healthy=True)
        varnish.probing = request.param == "probe"
        yield varnish
    finally:
        varnish.stop()


@pytest.fixture
def site(postgres):
    home = build_home()
    StandardPageFactory(parent=home, slug="about", title="About the coalition")
    StandardPageFactory(parent=home, slug="contact", title="Contact the press office")
    return home


def test_cached_pages_outlive_the_database_and_others_get_the_503_page(varnish, relay, site):
    assert varnish.get("/about/").status == 200
    assert varnish.get("/about/").cache == "HIT"

    relay.down()
    if varnish.probing:
        varnish.wait_for_backend(healthy=False)
    time.sleep(1.5)  # past the 1 s freshness: only stale-if-error can serve it now

    for _ in range(3):
        # Each read past freshness starts a background refresh, which fails; the pause lets
        # it end, so the next read shows whether the failure replaced the stale copy.
        time.sleep(0.5)
        stale = varnish.get("/about/")
        assert stale.status == 200
        assert "About the coalition" in stale.body
        assert stale.cache in {"HIT-STALE", "HIT"}

    never_cached = varnish.get("/contact/")
    assert never_cached.status == 503
    assert "Back in a moment" in never_cached.body
    assert never_cached.headers["retry-after"] == "60"
    assert "no-store" in never_cached.headers["cache-control"]
    # The 503 page is not kept: nothing about it outlives the outage.
    relay.up()
    if varnish.probing:
        varnish.wait_for_backend(healthy=True)
    back = varnish.get("/contact/")
    assert back.status == 200
    assert "Contact the press office" in back.body
