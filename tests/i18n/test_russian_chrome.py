"""Every page under /ru/ in the demo shows its interface in Russian.

The crawl starts at /ru/ and at every published page's address under /ru/, follows every
/ru/ link it meets, and reads the page's chrome: the header and menu, the footer, the
breadcrumb, pagination, buttons, form labels and hints, and the words screen readers get
(aria-label, placeholder, alt, title). None of it may be an English string from the
catalog, i.e. a string that has a Russian translation but was shown untranslated. Page
content (titles, body text, editors' snippets) is the translators' work in the admin, not
the catalog's, so page and snippet titles are not counted as interface.
"""

from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from django.core.management import call_command
from django.utils import translation

from wagtail.models import Page

from advocacy.actions.models import CallToAction
from advocacy.statements.models import Statement
from tests.catalog import as_pattern, read_po
from tests.html import soup
from tests.i18n.test_catalog import CATALOG

# The chrome: parts of every page that come from templates, not from editors.
CHROME = [
    ".skip-link",
    "header.site-header",
    "footer.site-footer",
    "nav.breadcrumb",
    "nav.pagination",
    ".pagination",
    "button",
    "label",
    "legend",
    "summary",
    ".field .help",
    ".errorlist",
    "[role=status]",
]
ATTRIBUTES = [
    "aria-label",
    "placeholder",
    "alt",
    "title",
    "data-copied-text",
    "data-copy-failed-text",
]
# Not pages to read: files, feeds and the like found among the links.
SKIPPED_SUFFIXES = (".csv", ".png", ".jpg", ".zip", ".pdf", ".xml", ".json", ".txt", ".atom")
MAX_PAGES = 400


@pytest.fixture(scope="module")
def english_interface():
    """(English string, pattern) for every catalog string whose Russian differs from it."""
    found = []
    for message in read_po(CATALOG).values():
        if not message.translated:
            continue
        for english in message.english:
            if english in message.translations or len(english.strip()) < 2:
                continue
            found.append((english, as_pattern(english)))
    return found


def crawl(client, seeds):
    """{path: response} for every /ru/ page reachable from the seeds (HTML only)."""
    seen, queue, pages = set(seeds), deque(seeds), {}
    while queue and len(pages) < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        assert response.status_code < 500, f"{path} answered {response.status_code}"
        if response.status_code in (301, 302):
            links = [response["Location"]]
        elif "text/html" in response.get("Content-Type", ""):
            pages[path] = response
            links = [a["href"] for a in soup(response).select("a[href]")]
        else:
            continue
        for href in links:
            href = urldefrag(href).url
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith("/ru/"):
                continue
            if parts.path.endswith(SKIPPED_SUFFIXES) or "/confirm/" in parts.path:
                continue
            if href not in seen:
                seen.add(href)
                queue.append(href)
    return pages


def chrome_strings(page):
    """The visible and announced text of the page's chrome, one string per text node or
    attribute, whitespace collapsed."""
    for selector in CHROME:
        for element in page.select(selector):
            for node in element.find_all(string=True):
                if node.parent.name in ("script", "style"):
                    continue
                text = " ".join(node.split())
                if text:
                    yield text
    for attribute in ATTRIBUTES:
        for element in page.select(f"[{attribute}]"):
            text = " ".join(element[attribute].split())
            if text:
                yield text


@pytest.mark.django_db
def test_the_chrome_of_every_russian_page_is_in_russian(client, english_interface):
    call_command("load_demo_content", verbosity=0)
    content_titles = {" ".join(t.split()) for t in Page.objects.values_list("title", flat=True)}
    content_titles |= snippet_titles()
    seeds = ["/ru/", "/ru/search/?q=LGBTI", "/ru/no-such-page/"]
    seeds += [
        path
        for page in Page.objects.live().public().filter(depth__gt=1).specific()
        if (path := russian_path(page))
    ]
    with translation.override("ru"):
        for model in (Statement, CallToAction):
            seeds += [under_russian(item.get_absolute_url()) for item in model.objects.published()]

    pages = crawl(client, seeds)

    assert len(pages) > 30, sorted(pages)
    english = {}
    for path, response in pages.items():
        document = soup(response)
        for text in chrome_strings(document):
            if text in content_titles:
                continue
            for msgid, pattern in english_interface:
                if pattern.fullmatch(text):
                    english.setdefault((text, msgid), path)
                    break
    assert not english, "English interface text under /ru/:\n" + "\n".join(
        f"  {path}: {text!r} (catalog: {msgid!r})" for (text, msgid), path in english.items()
    )


def russian_path(page):
    """The page's address under /ru/: its own when it is a Russian page, else the English
    page's path behind the /ru/ prefix (what a reader switching language would open)."""
    url = page.get_url()
    if not url or url.startswith("http"):
        return None
    return under_russian(url)


def under_russian(path):
    return path if path.startswith("/ru/") else "/ru" + path


def snippet_titles():
    """Titles of editors' snippets (statements, calls to action, people...), which are
    content, whatever language they are in."""
    from django.apps import apps

    titles = set()
    for model in apps.get_models():
        if model._meta.app_label not in {"statements", "actions", "people", "countries"}:
            continue
        for name in ("title", "name", "link_text"):
            if any(f.name == name for f in model._meta.get_fields()):
                titles |= {
                    " ".join(str(v).split()) for v in model.objects.values_list(name, flat=True)
                }
    return titles
