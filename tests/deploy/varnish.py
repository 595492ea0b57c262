"""Varnish for the tests: deploy/varnish/run.sh starts a varnishd of the test's own (free
ports, a working directory under a pytest tmp dir) in front of a given backend; stop() ends
that varnishd by its PID. The tests then talk HTTP to it as a reader's browser would."""

import http.client
import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
RUN_SH = BASE_DIR / "deploy" / "varnish" / "run.sh"
# The Host readers use: the tests' default Wagtail site is "localhost" (tests/site_home.py),
# so pages' URLs, and the PURGEs Wagtail sends for them, name that host.
HOST = "localhost"


def varnishd_or_skip():
    """The varnishd binary; missing, the tests skip locally and fail under CI."""
    found = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    if found is None:
        message = "varnishd not found (apt-get install -y varnish)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Response:
    status: int
    headers: dict
    body: str
    seconds: float

    @property
    def cache(self):
        """Varnish's X-Cache: HIT, HIT-STALE, MISS or PASS (synthetic answers have none)."""
        return self.headers.get("x-cache", "")


@dataclass
class Varnish:
    backend_port: int
    workdir: Path
    purge_from: str = "127.0.0.1,::1"
    probe_url: str = "/health/"
    max_ttl: str = ""
    port: int = field(default_factory=free_port)
    admin_port: int = field(default_factory=free_port)
    pid: int | None = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def environment(self):
        return {
            **os.environ,
            "VARNISH_LISTEN": f"127.0.0.1:{self.port}",
            "VARNISH_ADMIN": f"127.0.0.1:{self.admin_port}",
            "BACKEND_HOST": "127.0.0.1",
            "BACKEND_PORT": str(self.backend_port),
            "PURGE_FROM": self.purge_from,
            "PROBE_URL": self.probe_url,
            "MAX_TTL": self.max_ttl,
            "VARNISH_STORAGE": "malloc,64m",
            "VARNISH_DIR": str(self.workdir),
            "VARNISH_PARAMS": "-p thread_pool_min=10 -p thread_pools=1",
        }

    def run(self, command):
        return subprocess.run(  # noqa: S603
            [str(RUN_SH), command],
            env=self.environment(),
            capture_output=True,
            text=True,
            timeout=120,
        )

    def start(self):
        result = self.run("start")
        assert result.returncode == 0, result.stdout + result.stderr
        self.pid = int((self.workdir / "varnishd.pid").read_text())
        return self

    def stop(self):
        """Stop this varnishd by its PID (run.sh stop reads the pid file it wrote)."""
        if self.pid is None:
            return
        result = self.run("stop")
        assert result.returncode == 0, result.stdout + result.stderr
        deadline = time.monotonic() + 10
        while _alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(self.pid), f"varnishd {self.pid} still running"
        self.pid = None

    def adm(self, *command):
        """A command on the management CLI (varnishadm), e.g. adm("ban", "req.url", "~", ".")."""
        varnishadm = shutil.which("varnishadm") or "/usr/bin/varnishadm"
        result = subprocess.run(  # noqa: S603
            [
                varnishadm,
                "-T",
                f"127.0.0.1:{self.admin_port}",
                "-S",
                str(self.workdir / "secret"),
                *command,
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def empty(self):
        """Forget every cached page (between tests: each builds its own site)."""
        self.adm("ban", "req.url", "~", ".")

    def backend_healthy(self):
        """Whether the probe currently finds the backend healthy."""
        listing = self.adm("backend.list")
        line = next(line for line in listing.splitlines() if ".app" in line)
        return "healthy" in line.lower() and "sick" not in line.lower()

    def wait_for_backend(self, healthy, deadline=30):
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            if self.backend_healthy() == healthy:
                return
            time.sleep(0.2)
        pytest.fail(f"the probe did not find the backend {'healthy' if healthy else 'sick'}")

    def request(self, method, path, headers=None, body=None, source="127.0.0.1"):
        """One request, from ``source`` (another loopback address stands for another
        machine: the PURGE ACL tells them apart)."""
        headers = {"Host": HOST, **(headers or {})}
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(source, 0)
        )
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        return Response(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            content,
            time.monotonic() - started,
        )

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by its parent) is not running.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
