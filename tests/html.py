"""Reading a rendered page the way a browser does: by elements, attributes and visible text.

Tests assert on what a reader would notice (the heading, the link and where it goes, the
words on the page) through these helpers rather than on raw HTML substrings, so that a
change of whitespace, attribute order or quoting in a template does not break them.

Each function takes a test-client response, the page's HTML (str or bytes), a
BeautifulSoup document or one of its elements (to look inside a part of the page).
Checks that a secret or a script never reaches the page stay on the raw bytes: a parser
would hide what was sent.
"""

import json

from bs4 import BeautifulSoup, Tag


def soup(page):
    """The parsed document (or the element itself, when given one)."""
    if isinstance(page, Tag):
        return page
    if hasattr(page, "content") or hasattr(page, "streaming_content"):
        page = (
            b"".join(page.streaming_content) if getattr(page, "streaming", False) else page.content
        )
    if isinstance(page, bytes):
        page = page.decode()
    return BeautifulSoup(page, "html.parser")


def select(page, selector):
    """Every element matching the CSS selector, in document order."""
    return soup(page).select(selector)


def one(page, selector):
    """The single element matching the selector; fails the test if there is none or more."""
    found = select(page, selector)
    assert len(found) == 1, f"expected one {selector!r}, found {len(found)}"
    return found[0]


def _text_of(element):
    # get_text() leaves out comments and what is inside <script>, <style> and <template>.
    return " ".join(element.get_text().split())


def text(page, selector=None):
    """The visible text (of the elements matching selector, if given), whitespace collapsed.

    Fails the test when the selector matches nothing, so a missing part of the page is not
    mistaken for a part without the words."""
    document = soup(page)
    if selector is None:
        return _text_of(document)
    found = document.select(selector)
    assert found, f"nothing on the page matches {selector!r}"
    return " ".join(_text_of(element) for element in found)


def texts(page, selector):
    """The visible text of each element matching selector, whitespace collapsed."""
    return [_text_of(element) for element in select(page, selector)]


def links(page, selector="a[href]"):
    """(text, href) of each link matching selector: what it says and where it leads."""
    return [(_text_of(a), a["href"]) for a in select(page, selector) if a.has_attr("href")]


def hrefs(page, selector="a[href]"):
    """The href of each element matching selector (links by default; also <link rel=...>)."""
    return [element["href"] for element in select(page, selector) if element.has_attr("href")]


def meta(page, attribute, key):
    """The content of <meta {attribute}="{key}">, e.g. meta(page, "property", "og:title")
    or meta(page, "name", "twitter:card"); None when the page has no such tag."""
    tag = soup(page).find("meta", attrs={attribute: key})
    return tag.get("content") if tag else None


def json_ld(page):
    """The structured data blocks (<script type="application/ld+json">), decoded."""
    return [
        json.loads(script.string) for script in select(page, 'script[type="application/ld+json"]')
    ]
