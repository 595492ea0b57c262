"""manage.py export_static: the demo site exported, served by a real static server (Python's
http.server), crawled like a reader's browser would, and compared page by page with the
live site; and the command's answers to bad input."""

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from django.core.management import CommandError, call_command

from wagtail.models import Locale, Page, PageViewRestriction

from advocacy.core import mirror
from advocacy.core.models import StandardPage

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    """Every address a browser would follow or load from a page."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name):
                self.found.append(attrs[name])
        if attrs.get("srcset"):
            self.found += [part.strip().split(" ")[0] for part in attrs["srcset"].split(",")]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def static_server(tmp_path):
    """Python's http.server serving tmp_path/mirror on a free port; stopped by its PID."""
    folder = tmp_path / "mirror"
    folder.mkdir()
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    origin = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(origin, timeout=1).close()  # noqa: S310
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    yield folder, origin
    server.terminate()
    server.wait(timeout=10)


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        return response.status, response.headers.get_content_type(), response.read()


def main_text(html, live=False):
    """The words of a page's <main>, as a reader reads them (forms left out on the live
    page: the mirror replaces them with a link to the live site)."""
    main = BeautifulSoup(html, "html.parser").find("main")
    assert main is not None
    for replaced in main.find_all("form") if live else main.select(".mirror-note"):
        replaced.decompose()
    return " ".join(main.get_text(" ").split())


@pytest.fixture
def demo(django_capture_on_commit_callbacks, settings):
    """The demo site, with what its publishing sets off in the background done (the report's
    PDF and EPUB, the statements' cards); a Russian translation of one page; a draft and a
    private page that must stay out of the mirror."""
    settings.REPORT_DOWNLOADS_ON_PUBLISH = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", verbosity=0)
    # The demo's own Russian translation (published as its transaction commits).
    about = Page.objects.get(url_path__endswith="/about/", locale__language_code="en").specific
    assert about.get_translation(Locale.objects.get(language_code="ru")).live
    home = about.get_parent()
    draft = StandardPage(title="Secret draft plans", slug="draft-plans", live=False)
    home.add_child(instance=draft)
    draft.save_revision()
    private = StandardPage(title="Staff only notes", slug="staff-only")
    home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return home


def test_the_exported_demo_site_reads_like_the_live_one_from_a_static_server(
    client, demo, static_server, django_capture_on_commit_callbacks
):
    folder, origin = static_server
    result = mirror.export(folder, base_url=origin)
    files = result.files

    # What is there: pages in both languages, the whole report and its files, statements
    # with their cards, countries, feeds, sitemap, robots.txt, static files.
    exported = set(files.values())
    for name in (
        "index.html",
        "less-equal/index.html",
        "less-equal/all/index.html",
        "countries/armenia/index.html",
        "statements/index.html",
        "statements/feed.xml",
        "press-releases/feed.xml",
        "sitemap.xml",
        "robots.txt",
        "static/css/site.css",
        "ru/about/index.html",
    ):
        assert name in exported, name
    assert any(re.fullmatch(r"less-equal/less-equal-en-[0-9a-f]{12}\.pdf", f) for f in exported)
    assert any(re.fullmatch(r"less-equal/less-equal-en-[0-9a-f]{12}\.epub", f) for f in exported)
    assert any(re.fullmatch(r"statements/\d+/card-og\.png", f) for f in exported)
    # Nothing private, draft or behind the admin.
    assert not any("draft-plans" in f or "staff-only" in f or "admin" in f for f in exported)
    everything = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert b"Secret draft plans" not in everything
    assert b"Staff only notes" not in everything
    assert b"<form" not in everything
    assert b"Sitemap: " + origin.encode() + b"sitemap.xml" in (folder / "robots.txt").read_bytes()

    # A reader's crawl of the served mirror: every page and file it links to answers.
    live_path = {file: url for url, file in files.items()}
    queue, seen, pages = [(origin, None)], {origin}, {}
    while queue:
        url, source = queue.pop()
        try:
            _status, content_type, body = get(url)
        except urllib.error.HTTPError as error:
            pytest.fail(f"{source} links to {url}, which the mirror lacks ({error.code})")
        if content_type != "text/html":
            continue
        pages[url] = body
        parser = Links()
        parser.feed(body.decode())
        for link in parser.found:
            target = urljoin(url, link).split("#", 1)[0]
            if urlsplit(target).netloc != urlsplit(origin).netloc:
                continue  # the live site (a form's page) or elsewhere
            assert target.startswith(origin), target
            if target not in seen:
                seen.add(target)
                queue.append((target, url))
    assert len(pages) >= 25

    # Each page's main content is the live page's (forms aside).
    for url, body in pages.items():
        file = url[len(origin) :] or ""
        file = file + "index.html" if file.endswith("/") or not file else file
        live = client.get(live_path[file], HTTP_HOST="localhost")  # the site's own host
        assert live.status_code == 200, file
        assert main_text(body) == main_text(live.content, live=True), file

    # The petition's form is a link to the same page on the live site, with a note.
    action = BeautifulSoup(
        (folder / "act/let-lgbti-groups-work-in-safety/index.html").read_text(), "html.parser"
    )
    note = action.find(class_="mirror-note")
    assert "works only on the live site" in note.get_text()
    assert note.a["href"] == "http://localhost/act/let-lgbti-groups-work-in-safety/"

    # A second run writes nothing; a change rewrites what shows it, not the whole site.
    again = mirror.export(folder, base_url=origin)
    assert again.written == [] and again.removed == []
    chapter = Page.objects.get(
        url_path__endswith="/less-equal/introduction/", locale__language_code="en"
    ).specific
    chapter.standfirst = "A standfirst rewritten today."
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()  # the report's PDF and EPUB are rebuilt too
    changed = mirror.export(folder, base_url=origin)
    assert "less-equal/introduction/index.html" in changed.written
    assert "less-equal/index.html" in changed.written  # its list of chapters
    assert "about/index.html" not in changed.written
    assert len(changed.written) < len(files) / 2
    assert [name for name in changed.removed if name.endswith((".pdf", ".epub"))]
    assert (
        "A standfirst rewritten today."
        in (folder / "less-equal/introduction/index.html").read_text()
    )


def test_a_folder_that_is_not_an_export_is_left_alone(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"mine")
    with pytest.raises(CommandError) as error:
        call_command("export_static", str(folder))
    message = str(error.value)
    assert "not empty" in message and "\n" not in message
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]
    assert [p.name for p in tmp_path.iterdir()] == ["photos"]  # no staging folder left


@pytest.mark.parametrize(
    "base_url", ["mirror.example.org", "ftp://mirror.example.org/", "http://", "https://a b/"]
)
def test_a_base_url_that_is_not_a_url_is_refused_before_anything_is_written(tmp_path, base_url):
    with pytest.raises(CommandError) as error:
        call_command("export_static", str(tmp_path / "out"), base_url=base_url)
    assert "--base-url" in str(error.value) and "\n" not in str(error.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("directory", ["/proc/less-equal-mirror", "/no/such/parent/mirror"])
def test_a_folder_that_cannot_be_written_gives_one_line(home, directory):
    with pytest.raises(CommandError) as error:
        call_command("export_static", directory)
    assert "\n" not in str(error.value)
    assert not Path(directory).exists()
