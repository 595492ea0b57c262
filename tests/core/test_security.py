import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.html import select

BASE_DIR = Path(__file__).resolve().parents[2]
DUMMY_SECRET = "x" * 10 + "-dummy-secret-for-tests-0123456789-abcdefghijklmnopqrstuvwxyz"


def run_manage(*args, **env):
    skip = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "PUBLIC_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DJANGO_SETTINGS_MODULE",
    }
    environment = {k: v for k, v in os.environ.items() if k not in skip}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "example.org", "PUBLIC_URL": "https://example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": DUMMY_SECRET, "PUBLIC_URL": "https://example.org"}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": DUMMY_SECRET, "ALLOWED_HOSTS": "example.org"}, "PUBLIC_URL"),
    ],
)
def test_production_refuses_to_start_without_secret_hosts_and_address(env, missing):
    result = run_manage("check", DJANGO_SETTINGS_MODULE="advocacy.settings.production", **env)
    assert result.returncode != 0
    assert f"{missing} must be set in the environment" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="advocacy.settings.production",
        SECRET_KEY=DUMMY_SECRET,
        ALLOWED_HOSTS="less-equal.example.org",
        PUBLIC_URL="https://less-equal.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_local_admin_is_refused_under_production_settings():
    result = run_manage(
        "ensure_local_admin",
        DJANGO_SETTINGS_MODULE="advocacy.settings.production",
        SECRET_KEY=DUMMY_SECRET,
        ALLOWED_HOSTS="less-equal.example.org",
        PUBLIC_URL="https://less-equal.example.org",
    )
    assert result.returncode != 0
    assert "Refusing to create a local admin user" in result.stderr


def test_unreachable_database_is_explained_in_one_line():
    result = run_manage("preflight", DATABASE_URL="postgres://nobody@127.0.0.1:1/nowhere")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "Cannot reach the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_port_in_use_is_explained_in_one_line():
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        result = run_manage("preflight", "--port", str(port), DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy_without_a_nonce(client, home):
    response = client.get("/")

    policy = response.headers["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'"]
    assert "nonce" not in policy
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    # Scripts are files from the site itself: no inline script, nothing carrying a nonce.
    # (JSON-LD is data, never run: script-src does not apply to it.)
    scripts = [s for s in select(response, "script") if s.get("type") != "application/ld+json"]
    assert scripts and all(s.get("src", "").startswith("/static/") for s in scripts)
    assert all(not s.get_text().strip() for s in scripts)
    assert not select(response, "[nonce]")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_every_reader_gets_the_same_policy_so_pages_can_be_cached(client, home):
    first = client.get("/").headers["Content-Security-Policy"]
    second = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").headers["Content-Security-Policy"]
    assert first == second


@pytest.mark.django_db
def test_pages_load_nothing_from_third_parties(client, home):
    response = client.get("/")
    addresses = [
        element[attribute]
        for attribute in ("src", "href")
        for element in select(response, f"[{attribute}]")
    ]
    external = [url for url in addresses if url.startswith(("http://", "https://"))]
    assert [url for url in external if not url.startswith("http://localhost")] == []
