"""`make dev` on a port of its own: every address the site gives out names the one it serves.

The test runs the Makefile's own `make dev PORT=<free port>` (a fresh SQLite database in a
folder of its own: migrate, the demo content, the task worker and Django's server), exactly
as a developer would, and reads the site over HTTP. PUBLIC_URL is not set here: the
Makefile derives it from PORT, and setup gives Wagtail's Site that hostname and port. The
canonical link, og:url, the sitemap, the feeds, robots.txt, the API and a statement's
citation must all start with http://127.0.0.1:<port>. It stops the processes it started
(their process group) at the end.
"""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urljoin

import pytest

from tests.html import select, soup

BASE_DIR = Path(__file__).resolve().parents[2]
# Variables of this test run that must not reach `make dev`: it sets its own.
NOT_PASSED_ON = {
    "PUBLIC_URL",
    "WAGTAILADMIN_BASE_URL",
    "WAGTAILAPI_BASE_URL",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
    "LESS_EQUAL_PROCESS",
    "CACHE_URL",
    "VAR_DIR",
    "PORT",
    "MAKEFLAGS",
    "MAKELEVEL",
    "MFLAGS",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310  our own server
        return response.read().decode("utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The address `make dev` serves on, once its home page answers."""
    port = free_port()
    folder = tmp_path_factory.mktemp("make-dev")
    environment = {k: v for k, v in os.environ.items() if k not in NOT_PASSED_ON}
    environment["VAR_DIR"] = str(folder / "var")
    log_path = folder / "make-dev.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(  # noqa: S603
            # -o install-runtime: the virtual environment is the one running this test.
            ["make", "--no-print-directory", "-o", "install-runtime", "dev", f"PORT={port}"],  # noqa: S607
            cwd=BASE_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopped as one below
        )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            if process.poll() is not None:
                pytest.fail(f"make dev stopped:\n{log_path.read_text()}")
            try:
                get(address + "/")
                break
            except (URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail(f"make dev did not answer:\n{log_path.read_text()}")
                time.sleep(1)
        yield address
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


# One test, so that a run spread over several processes (pytest -n) starts one server.
def test_every_address_the_site_gives_out_starts_with_the_served_one(served):
    assert not served.endswith(":8000")  # not the default port
    pages_name_the_served_address_as_their_own(served)
    the_sitemap_and_robots_txt_list_the_served_address(served)
    feeds_link_to_the_served_address(served)
    a_statements_citation_gives_the_served_address(served)
    the_api_gives_the_served_address(served)


def pages_name_the_served_address_as_their_own(served):
    for path in ["/", "/less-equal/", "/countries/", "/statements/", "/press/"]:
        html = get(served + path)
        canonical = select(html, 'link[rel="canonical"]')[0]["href"]
        assert canonical == served + path
        assert select(html, 'meta[property="og:url"]')[0]["content"] == canonical


def the_sitemap_and_robots_txt_list_the_served_address(served):
    sitemap = get(served + "/sitemap.xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) > 10
    assert [loc for loc in locations if not loc.startswith(served + "/")] == []
    assert f"Sitemap: {served}/sitemap.xml" in get(served + "/robots.txt").splitlines()


def feeds_link_to_the_served_address(served):
    for page in ["/statements/", "/press-releases/"]:
        feed_link = select(get(served + page), 'link[type="application/atom+xml"]')[0]["href"]
        feed_url = urljoin(served + page, feed_link)
        assert feed_url.startswith(served + "/")
        atom = get(feed_url)
        links = re.findall(r'<link href="([^"]+)"', atom) + re.findall(r"<id>([^<]+)</id>", atom)
        assert len(links) >= 4, feed_url
        assert [link for link in links if not link.startswith(served + "/")] == [], feed_url


def a_statements_citation_gives_the_served_address(served):
    desk = soup(get(served + "/statements/"))
    entry = desk.select(".desk__item")[0]
    permalink = entry.select_one("a.desk__permalink")["href"]
    assert permalink.startswith(served + "/statements/")
    cited = entry.select_one(".citation__text").get_text(" ", strip=True)
    assert cited.endswith(f"Source: {permalink}")
    statement = soup(get(permalink))
    canonical = statement.select_one('link[rel="canonical"]')["href"]
    assert canonical.startswith(served + "/statements/")
    citation = statement.select_one(".citation__text").get_text(" ", strip=True)
    assert citation.endswith(f"Source: {canonical}")


def the_api_gives_the_served_address(served):
    import json

    pages = json.loads(get(served + "/api/v2/pages/?limit=50"))["items"]
    assert pages
    assert all(item["meta"]["html_url"].startswith(served + "/") for item in pages)
