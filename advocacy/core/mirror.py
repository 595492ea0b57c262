"""A static mirror of the public site (``manage.py export_static DIR``): every public page
in every language and whatever they link to on the site (the whole report and its PDF and
EPUB, statements and their cards, country pages, feeds, the sitemap, robots.txt, static
files, the renditions pages show, public documents), as files any static host serves.

How it works:

- **What the public sees, nothing else.** Every address is fetched as an anonymous reader
  through the site's own views (Django's test client, in process, on the site's host): a
  draft, a scheduled or private page, the admin, signatures, previews never answer 200 to
  an anonymous reader, so they are never written. The crawl starts from every public page
  (each language's tree) and follows links on the site; search, the API, the embargo links,
  and the admin are never followed (``NOT_FOLLOWED``).
- **Links that work from the mirror's address.** Links between exported files become
  relative (``../statements/``), so the mirror works at any address, under any path. A page
  is ``<path>/index.html``; a feed at ``/x/feed/`` becomes ``/x/feed.xml`` (a static server
  would serve ``index.html`` as a web page); ``?page=2`` becomes ``_page-2/``. A link to
  anything not exported points at the live site instead. A form (signing a petition, the
  search box, the quote desk's filters) needs the live site: it is replaced by a note and a
  link to the same page there. ``--base-url`` (the mirror's own address) is used where an
  address must be absolute: the sitemap, feeds, robots.txt.
- **Nothing half-written.** The export is built in a folder beside the target, then moved
  in: a new folder by renaming it, a previous export by replacing each changed file
  (atomically, one by one) and deleting those that are gone. ``.mirror-manifest.json`` lists
  the files and their hashes; it is what marks a folder as a previous export, and lets a
  second run touch only what changed.
"""

import hashlib
import json
import mimetypes
import os
import posixpath
import re
import shutil
import tempfile
from collections import deque
from dataclasses import dataclass, field
from html import escape as escape_html
from html import unescape
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page, Site

from .visibility import public_pages

MANIFEST = ".mirror-manifest.json"
MAX_FILES = 20_000
# Addresses never followed: what only works on the live site, or must not be copied.
NOT_FOLLOWED = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/embargo/",
    "/_util/",
    "/health/",
    "/press-kit/",
    "/documents/authenticate_with_password/",
)
SEARCH_PATH = re.compile(r"^/(?:[a-z]{2}(?:-[a-z0-9]+)?/)?search/")
FEED_TYPES = {
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/json": ".json",
    "text/csv": ".csv",
    "text/plain": ".txt",
}
TAG = re.compile(r"<(a|link|img|source|script|iframe)\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r'(\s(?:href|src|srcset|poster)=")([^"]*)(")', re.IGNORECASE)
FORM = re.compile(r"<form\b([^>]*)>.*?</form>", re.IGNORECASE | re.DOTALL)
FORM_ATTRIBUTE = re.compile(r'\s(method|action)="([^"]*)"', re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class MirrorError(Exception):
    """Why the export cannot be written, in one line for the person running it."""


@dataclass
class Fetched:
    url: str  # path and query, as the site serves it
    content_type: str
    content: bytes
    file: str = ""  # where it goes in the mirror (relative, no leading slash)


@dataclass
class Result:
    written: list = field(default_factory=list)
    unchanged: int = 0
    removed: list = field(default_factory=list)
    files: dict = field(default_factory=dict)  # url → file


def check_base_url(base_url):
    """The mirror's own address, normalised to end with "/"; MirrorError when not a URL."""
    if base_url is None:
        return None
    parts = urlsplit(base_url)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in base_url)
    ):
        raise MirrorError(
            f"--base-url must be an http(s) address like https://mirror.example.org/, not"
            f" {base_url!r}."
        )
    return base_url if base_url.endswith("/") else base_url + "/"


def check_target(directory):
    """The target folder as a Path; MirrorError when it cannot take an export."""
    target = Path(directory).expanduser().absolute()
    if target.exists() and not target.is_dir():
        raise MirrorError(f"{target} exists and is not a folder.")
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise MirrorError(
            f"{target} is not empty and holds no previous export; choose an empty or new folder."
        )
    parent = target.parent
    if not parent.is_dir():
        raise MirrorError(f"{parent} does not exist.")
    writable = target if target.is_dir() else parent
    if not os.access(writable, os.W_OK | os.X_OK):
        raise MirrorError(f"{writable} is not writable.")
    return target


def mirror_file(path, query, content_type):
    """Where an address goes in the mirror (no leading slash)."""
    path = "/" + path.lstrip("/")
    if query:
        page = dict(parse_qsl(query)).get("page", "")
        path = path.rstrip("/") + f"/_page-{int(page)}/" if page.isdigit() else path
    if path.endswith("/"):
        if content_type == "text/html":
            return (path + "index.html").lstrip("/")
        extension = FEED_TYPES.get(content_type, ".bin")
        return (path.rstrip("/") + extension).lstrip("/") if path != "/" else "index" + extension
    return path.lstrip("/")


def followable(url):
    """(path, query) of an address the crawl may fetch; None for one it never does."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith(NOT_FOLLOWED) or SEARCH_PATH.match(path):
        return None
    if ".." in path.split("/"):
        return None
    if parts.query:
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        if len(pairs) != 1 or pairs[0][0] != "page" or not pairs[0][1].isdigit():
            return None  # filters and searches are the live site's
        return path, f"page={int(pairs[0][1])}"
    return path, ""


class Crawler:
    """Fetches the public site as an anonymous reader."""

    def __init__(self, site):
        self.site = site
        self.origin = site.root_url.rstrip("/")
        self.host = urlsplit(self.origin).netloc
        self.client = Client(HTTP_HOST=self.host)
        self.secure = urlsplit(self.origin).scheme == "https"

    def local(self, url, base="/"):
        """An address on this site (relative, root-relative or absolute on the live
        origin) as a root-relative address; None for anything elsewhere."""
        url = unescape(url.strip())
        if not url or url.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
            return None
        if url.startswith(self.origin + "/") or url == self.origin:
            url = url[len(self.origin) :] or "/"
        elif url.startswith("//") or urlsplit(url).scheme:
            return None
        absolute = urljoin(base, url)
        return absolute.split("#", 1)[0]

    def fetch(self, path, query):
        if settings.MEDIA_URL.startswith("/") and path.startswith(settings.MEDIA_URL):
            return self._media(path)
        if path.startswith(settings.STATIC_URL):
            found = self._static(path)
            if found is not None:
                return found
        response = self.client.get(path, query, secure=self.secure)
        if response.status_code != 200 or settings.SESSION_COOKIE_NAME in response.cookies:
            return None  # not public, gone, or for one visitor only
        # (A page with a form sets the CSRF cookie: the form is replaced, the cookie unused.)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        return Fetched(path + (f"?{query}" if query else ""), content_type, content)

    def _static(self, path):
        """A static file: the collected copy (hashed names in production), else the one in
        the source tree; whatever serves them in this process (WhiteNoise) need not."""
        name = posixpath.normpath(path[len(settings.STATIC_URL) :])
        if name.startswith(("..", "/")):
            return None
        try:
            with staticfiles_storage.open(name, "rb") as handle:
                content = handle.read()
        except (FileNotFoundError, OSError, ValueError, NotImplementedError):
            found = finders.find(name)
            if not found:
                return None
            content = Path(found).read_bytes()
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return Fetched(path, content_type, content)

    def _media(self, path):
        """An uploaded file the pages show (a rendition): read from storage, since the
        application does not serve media in production. Documents are never read here."""
        name = posixpath.normpath(path[len(settings.MEDIA_URL) :])
        if name.startswith(("..", "/")) or not name.startswith("images/"):
            return None
        try:
            with default_storage.open(name, "rb") as handle:
                content = handle.read()
        except (FileNotFoundError, OSError, ValueError):
            return None
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return Fetched(path, content_type, content)


def seeds(site):
    """Every public page of the site in every language, with the extra addresses its type
    lists in the sitemap (a report's whole-report page), and the site-wide files."""
    urls = {"/", "/sitemap.xml", "/robots.txt"}
    root = site.root_page
    trees = [root, *root.get_translations()]
    for tree_root in trees:
        for page in public_pages(Page.objects.descendant_of(tree_root, inclusive=True)).specific():
            try:
                for entry in page.get_sitemap_urls():
                    location = entry.get("location", "")
                    urls.add(urlsplit(location).path or "/")
            except Exception:  # noqa: BLE001 — a page type's sitemap must not stop the export
                parts = page.get_url_parts()
                if parts:
                    urls.add(parts[2])
    return sorted(urls)


def links_in(fetched, crawler):
    """The site addresses a fetched file names."""
    base = fetched.url.split("?", 1)[0]
    found = []
    if fetched.content_type == "text/html":
        text = fetched.content.decode("utf-8", "replace")
        text = FORM.sub("", text)
        for tag in TAG.finditer(text):
            for attribute in ATTRIBUTE.finditer(tag.group(0)):
                name = attribute.group(1).strip().split("=")[0].lower()
                values = (
                    [part.strip().split(" ")[0] for part in attribute.group(2).split(",")]
                    if name == "srcset"
                    else [attribute.group(2)]
                )
                found += [crawler.local(value, base) for value in values]
        for meta in re.finditer(r'<meta\s[^>]*property="og:image"[^>]*>', text):
            content = re.search(r'content="([^"]*)"', meta.group(0))
            if content:
                found.append(crawler.local(content.group(1), base))
    elif fetched.content_type == "text/css":
        text = fetched.content.decode("utf-8", "replace")
        found += [crawler.local(url, base) for url in CSS_URL.findall(text)]
    elif fetched.content_type in FEED_TYPES and fetched.url.split("?")[0].endswith(
        ("/feed/", "sitemap.xml")
    ):
        text = fetched.content.decode("utf-8", "replace")
        found += [crawler.local(url, base) for url in re.findall(r"<loc>([^<]+)</loc>", text)]
        found += [crawler.local(url, base) for url in re.findall(r"<link>([^<]+)</link>", text)]
    return [url for url in found if url]


def crawl(site):
    """{address: Fetched} for every public address reached from the seeds."""
    crawler = Crawler(site)
    queue = deque(seeds(site))
    seen = set(queue)
    fetched = {}
    while queue:
        url = queue.popleft()
        target = followable(url)
        if target is None:
            continue
        item = crawler.fetch(*target)
        if item is None:
            continue
        fetched[item.url] = item
        if len(fetched) > MAX_FILES:
            raise MirrorError(f"More than {MAX_FILES} files: is something generating addresses?")
        for link in links_in(item, crawler):
            key = _key(link)
            if key not in seen:
                seen.add(key)
                queue.append(key)
    return crawler, fetched


def _key(url):
    target = followable(url)
    if target is None:
        return url
    path, query = target
    return path + (f"?{query}" if query else "")


def relative(from_file, to_file):
    """The link from one mirror file to another: "../x/" for a page, "../x.xml" for a
    file."""
    to_dir_page = to_file.endswith("/index.html") or to_file == "index.html"
    target = to_file[: -len("index.html")] if to_dir_page else to_file
    start = posixpath.dirname(from_file) or "."
    link = posixpath.relpath(target or ".", start)
    if to_dir_page:
        link = "./" if link == "." else link + "/"
    return link


class Rewriter:
    """Turns the site's links into the mirror's."""

    def __init__(self, crawler, fetched, base_url):
        self.crawler = crawler
        self.base_url = base_url
        self.files = {url: item.file for url, item in fetched.items()}

    def link(self, value, item):
        """A link from ``item`` as the mirror writes it."""
        base = item.url.split("?", 1)[0]
        local = self.crawler.local(value, base)
        if local is None:
            return value
        fragment = "#" + value.split("#", 1)[1] if "#" in value else ""
        file = self.files.get(_key(local))
        if file is None:
            return self.crawler.origin + local + fragment  # the live site's
        return relative(item.file, file) + fragment

    def absolute(self, value, item):
        """An absolute address of the mirror (sitemap, feeds); the live one without
        ``--base-url``."""
        local = self.crawler.local(value, item.url.split("?", 1)[0])
        file = self.files.get(_key(local)) if local else None
        if file is None or self.base_url is None:
            return value
        if file.endswith("index.html"):
            file = file[: -len("index.html")]
        return self.base_url + file

    def html(self, item):
        text = item.content.decode("utf-8", "replace")

        def rewrite_tag(match):
            tag = match.group(0)
            if re.search(r'\srel="canonical"', tag):
                return tag  # the canonical address stays the live site's
            return ATTRIBUTE.sub(lambda a: self._attribute(a, item), tag)

        text = TAG.sub(rewrite_tag, text)
        # Then the forms, whose notes link to the live site on purpose.
        language = re.search(r'<html[^>]*\slang="([^"]+)"', text)
        with translation.override(language.group(1) if language else None):
            text = FORM.sub(lambda match: self._form_note(match, item), text)
        return text.encode()

    def _attribute(self, match, item):
        name = match.group(1).strip().split("=")[0].lower()
        value = match.group(2)
        if name == "srcset":
            parts = []
            for candidate in value.split(","):
                bits = candidate.strip().split(" ", 1)
                bits[0] = self.link(unescape(bits[0]), item)
                parts.append(" ".join(bits))
            new = ", ".join(parts)
        else:
            new = self.link(unescape(value), item)
        return f"{match.group(1)}{escape_html(new, quote=True)}{match.group(3)}"

    def _form_note(self, match, item):
        """A form needs the live site: a note and a link to the same page there."""
        attributes = dict(
            (name.lower(), value) for name, value in FORM_ATTRIBUTE.findall(match.group(1))
        )
        page = item.url
        if attributes.get("method", "get").lower() == "get" and attributes.get("action"):
            page = self.crawler.local(attributes["action"], item.url) or page
        live = self.crawler.origin + page
        note = gettext("This form works only on the live site:")
        return (
            f'<p class="mirror-note">{escape_html(note)} '
            f'<a href="{escape_html(live, quote=True)}">{escape_html(live)}</a></p>'
        )

    def xml(self, item):
        text = item.content.decode("utf-8", "replace")
        for tag in ("loc", "link", "id"):
            text = re.sub(
                rf"<{tag}>([^<]+)</{tag}>",
                lambda m, tag=tag: f"<{tag}>{self.absolute(unescape(m.group(1)), item)}</{tag}>",
                text,
            )
        return text.encode()

    def robots(self, item):
        text = item.content.decode("utf-8", "replace")
        sitemap = (self.base_url or self.crawler.origin + "/") + "sitemap.xml"
        return re.sub(r"(?m)^Sitemap:.*$", f"Sitemap: {sitemap}", text).encode()

    def content(self, item):
        if item.content_type == "text/html":
            return self.html(item)
        if item.url == "/robots.txt":
            return self.robots(item)
        if item.content_type in FEED_TYPES and item.content_type.endswith("xml"):
            return self.xml(item)
        return item.content


def export(directory, base_url=None, site=None):
    """Write the mirror into ``directory`` (see the module doc); returns a Result."""
    base_url = check_base_url(base_url)
    target = check_target(directory)
    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise MirrorError("There is no default site to export.")
    host = urlsplit(site.root_url).hostname or "localhost"
    try:  # the folder files are staged in, beside the target: proves it can be written
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-export-", dir=target.parent))
    except OSError as error:
        raise MirrorError(f"Cannot write beside {target}: {error.strerror or error}.") from None
    try:
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, host]):
            crawler, fetched = crawl(site)
        result = _finish(target, staging, crawler, fetched, base_url)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _finish(target, staging, crawler, fetched, base_url):
    taken = {}
    for item in fetched.values():
        path, _, query = item.url.partition("?")
        item.file = mirror_file(path, query, item.content_type)
        if item.file in taken or not _safe_name(item.file):
            item.file = ""
            continue
        taken[item.file] = item
    fetched = {url: item for url, item in fetched.items() if item.file}
    rewriter = Rewriter(crawler, fetched, base_url)
    outputs = {item.file: rewriter.content(item) for item in fetched.values()}
    result = _write(target, staging, outputs)
    result.files = {url: item.file for url, item in fetched.items()}
    return result


def _safe_name(name):
    parts = name.split("/")
    return bool(name) and all(part not in ("", ".", "..") for part in parts) and name != MANIFEST


def _digest(content):
    return hashlib.sha256(content).hexdigest()


def _write(target, staging, outputs):
    """Stage every file beside the target, then move them in (see the module doc)."""
    result = Result()
    manifest = {name: _digest(content) for name, content in sorted(outputs.items())}
    previous = {}
    if (target / MANIFEST).is_file():
        try:
            previous = json.loads((target / MANIFEST).read_text())["files"]
        except (ValueError, KeyError, OSError):
            previous = {}
    try:
        for name, content in outputs.items():
            if previous.get(name) == manifest[name] and (target / name).is_file():
                result.unchanged += 1
                continue
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            result.written.append(name)
        (staging / MANIFEST).write_text(json.dumps({"files": manifest}, indent=1))
        if not target.exists():
            staging.rename(target)
        else:
            for name in result.written:
                destination = target / name
                if destination.is_dir():
                    shutil.rmtree(destination)
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staging / name, destination)
            for name in sorted(set(previous) - set(manifest)):
                stale = target / name
                if stale.is_file():
                    stale.unlink()
                    result.removed.append(name)
                    _prune(stale.parent, target)
            os.replace(staging / MANIFEST, target / MANIFEST)
    except OSError as error:
        raise MirrorError(f"Could not write the export: {error}") from error
    return result


def _prune(folder, top):
    """Remove folders left empty by deleted files, up to the export's own folder."""
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
