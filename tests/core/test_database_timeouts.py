"""A hung or unreachable database costs a web request seconds, then the calm 503 page."""

import concurrent.futures
import copy
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from django.conf import settings
from django.db import connection, connections
from django.db.backends.postgresql.base import DatabaseWrapper as PostgresWrapper
from django.test import Client

from advocacy.settings.base import database_timeouts

BASE_DIR = Path(__file__).resolve().parents[2]
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
needs_postgres = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="statement_timeout is a PostgreSQL setting: run with DATABASE_URL=postgres://…",
)


def unreachable_database(port):
    """Settings for a PostgreSQL server at 127.0.0.1:<port> with the web's timeouts."""
    settings_dict = copy.deepcopy(connections["default"].settings_dict)
    settings_dict.update(
        ENGINE="django.db.backends.postgresql",
        NAME="lessequal",
        USER="nobody",
        PASSWORD="",
        HOST="127.0.0.1",
        PORT=str(port),
        CONN_MAX_AGE=0,
        OPTIONS=database_timeouts("django.db.backends.postgresql", command=False),
    )
    return settings_dict


def web_database():
    """The test database's settings with the web's timeouts. (The suite's own connections
    get a generous statement timeout, see advocacy/settings/test.py: many test processes
    share this machine, and some tests hold locks on purpose.)"""
    settings_dict = copy.deepcopy(connections["default"].settings_dict)
    settings_dict["OPTIONS"] = {
        **settings_dict["OPTIONS"],
        **database_timeouts("django.db.backends.postgresql", command=False),
    }
    settings_dict["CONN_MAX_AGE"] = 0
    return settings_dict


def get_home_page(settings_dict):
    """GET / (in the calling thread) against the database these settings describe."""
    original = connections["default"]
    connections["default"] = PostgresWrapper(settings_dict, alias="default")
    client = Client(raise_request_exception=False)
    started = time.monotonic()
    try:
        response = client.get("/")
    finally:
        connections["default"].close()
        connections["default"] = original
    return response, time.monotonic() - started


def in_thread_with_deadline(function, *args, deadline=10, unblock=None):
    """Run function in a thread; fail (instead of hanging the suite) if it is still waiting
    after the deadline, then call unblock() so the thread can finish.

    Without the timeouts the request waits for ever (gunicorn would kill it after 30 s);
    with them it gets the error page after ~2.5 s. The deadline tells the two apart with a
    margin for a loaded machine: how fast is the settings' business (2 s connect, 2.5 s
    statement, asserted below), not a timed assertion's."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    future = pool.submit(function, *args)
    try:
        return future.result(timeout=deadline)
    except concurrent.futures.TimeoutError:
        if unblock:
            unblock()
        pytest.fail(f"the request was still waiting for the database after {deadline} s")
    finally:
        pool.shutdown(wait=False)


@pytest.mark.django_db
@pytest.mark.parametrize("server", ["silent", "closed"])
def test_an_unreachable_database_gives_the_503_page_within_three_seconds(server):
    # "silent": a port that completes the TCP handshake and never says a word (a hung
    # host); "closed": nothing listens there. Both on loopback.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    if server == "silent":
        listener.listen(8)
    else:
        listener.close()
    try:
        response, _elapsed = in_thread_with_deadline(
            get_home_page, unreachable_database(port), unblock=listener.close
        )
    finally:
        listener.close()

    assert response.status_code == 503
    assert "Back in a moment" in response.content.decode()
    assert response["Retry-After"] == "60"


@needs_postgres
@pytest.mark.django_db
def test_web_connections_carry_a_statement_timeout():
    params = PostgresWrapper(web_database()).get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params) as web:
        (value,) = web.execute("SHOW statement_timeout").fetchone()
    assert value == "2500ms"


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_a_hung_query_gives_the_503_page_within_three_seconds(home):
    # Another session holds the sites table: every page lookup waits on it, as on a hung
    # database, until the statement timeout cancels it.
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params) as holder:
        holder.execute("LOCK TABLE wagtailcore_site IN ACCESS EXCLUSIVE MODE")
        try:
            response, _elapsed = in_thread_with_deadline(
                get_home_page, web_database(), unblock=holder.rollback
            )
        finally:
            holder.rollback()

    assert response.status_code == 503
    assert "Back in a moment" in response.content.decode()
    assert response["Retry-After"] == "60"


def test_management_commands_get_no_statement_timeout_but_keep_the_connect_timeout():
    engine = "django.db.backends.postgresql"
    web = database_timeouts(engine, command=False)
    command = database_timeouts(engine, command=True)

    assert web == {"connect_timeout": 2, "options": "-c statement_timeout=2500"}
    assert command == {"connect_timeout": 2}
    assert database_timeouts("django.db.backends.sqlite3", command=False) == {"timeout": 3}


def test_manage_py_marks_its_commands_so_migrate_is_not_cut_short():
    environment = {
        k: v for k, v in os.environ.items() if k not in {"LESS_EQUAL_PROCESS", "DATABASE_URL"}
    }
    environment["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/none"
    environment["DJANGO_SETTINGS_MODULE"] = "advocacy.settings.dev"
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])",
        ],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "'connect_timeout': 2" in result.stdout
    assert "statement_timeout" not in result.stdout
