"""Lighthouse's SEO audits, checked offline on one page of each indexable type.

Lighthouse itself needs a browser build and a network it cannot have here, so each of its SEO
category's audits is written out below from what Lighthouse checks, on the pages of
tests/public_pages.py fetched at the public address: the status code, not being blocked from
indexing (meta robots, X-Robots-Tag, robots.txt), the title, the meta description, the
viewport, descriptive link text, crawlable links, image alt attributes, valid hreflang
links, a valid canonical link, a valid robots.txt and the document's language. A page type
"scores 100" when every audit passes; a failure names the audit and what it found.
"""

import json
import re
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import pytest

from tests.html import soup
from tests.public_pages import ALL, INDEXABLE, fetch_public_site

# The module fixture builds the site once; the marker makes pytest-django set up the test
# database for it.
pytestmark = pytest.mark.django_db

# Lighthouse's "link-text" audit: link texts that say nothing about where a link goes (its
# English list, and the Russian one, as the site is in both).
NON_DESCRIPTIVE = {
    "click here",
    "click this",
    "go",
    "here",
    "information",
    "learn more",
    "more",
    "more info",
    "more information",
    "right here",
    "read more",
    "see more",
    "start",
    "this",
    "здесь",
    "подробнее",
    "далее",
    "читать далее",
    "узнать больше",
    "нажмите здесь",
    "больше",
    "тут",
}
# A language tag as hreflang and lang take it: ISO 639 language, optional script and region.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$", re.IGNORECASE)
ROBOTS_DIRECTIVES = {"user-agent", "allow", "disallow", "sitemap", "crawl-delay"}


@pytest.fixture(scope="module")
def crawled(django_db_setup, django_db_blocker):
    return fetch_public_site(django_db_blocker)


def robots_parser(robots):
    parser = RobotFileParser()
    parser.parse(robots.html.splitlines())
    return parser


def blocks_indexing(content):
    return any(word.strip() in {"noindex", "none"} for word in content.lower().split(","))


def audit_http_status_code(page, document, robots):
    return [] if page.status == 200 else [f"answered {page.status}"]


def audit_is_crawlable(page, document, robots):
    problems = []
    for meta in document.select("meta[name]"):
        if meta["name"].lower() in {"robots", "googlebot"} and blocks_indexing(
            meta.get("content", "")
        ):
            problems.append(f"<meta name={meta['name']!r} content={meta.get('content')!r}>")
    header = page.headers.get("X-Robots-Tag", "")
    if blocks_indexing(header):
        problems.append(f"X-Robots-Tag: {header}")
    parser = robots_parser(robots)
    for agent in ("Googlebot", "*"):
        if not parser.can_fetch(agent, page.url):
            problems.append(f"robots.txt disallows it for {agent}")
    return problems


def audit_document_title(page, document, robots):
    title = document.title.get_text(strip=True) if document.title else ""
    return [] if title else ["no <title>, or an empty one"]


def audit_meta_description(page, document, robots):
    found = document.select('meta[name="description" i]')
    if not found:
        return ["no <meta name=description>"]
    if not found[0].get("content", "").strip():
        return ["an empty meta description"]
    return []


def audit_viewport(page, document, robots):
    meta = document.select_one('meta[name="viewport" i]')
    content = (meta.get("content", "") if meta else "").lower()
    return [] if "width=" in content or "initial-scale" in content else ["no viewport meta"]


def _link_text(link):
    text = " ".join(link.get_text(" ", strip=True).split())
    if not text:
        text = link.get("aria-label", "") or " ".join(
            img.get("alt", "") for img in link.select("img")
        )
    return text.strip()


def audit_link_text(page, document, robots):
    problems = []
    for link in document.select("a[href]"):
        href = link["href"]
        if href.startswith("#") or href.lower().startswith("javascript:"):
            continue  # Lighthouse skips links within the page
        if "nofollow" in (link.get("rel") or []):
            continue
        text = _link_text(link)
        if not text:
            problems.append(f"a link to {href} has no text")
        elif text.lower().strip(" .…:→") in NON_DESCRIPTIVE:
            problems.append(f"a link to {href} says only {text!r}")
    return problems


def audit_crawlable_anchors(page, document, robots):
    problems = []
    for link in document.select("a"):
        href = link.get("href")
        if href is None:
            if not (link.get("name") or link.get("id") or link.get("role")):
                problems.append(f"<a> without href: {str(link)[:80]}")
            continue
        href = href.strip()
        lowered = href.lower()
        if lowered.startswith("mailto:") or lowered.startswith("tel:"):
            continue
        if not href or lowered.startswith(("javascript:", "file:")):
            problems.append(f"an anchor with href={href!r}")
            continue
        if link.get("onclick"):
            problems.append(f"an anchor that navigates by script: {str(link)[:80]}")
            continue
        try:
            resolved = urlsplit(urljoin(page.url, href))
        except ValueError:
            problems.append(f"an anchor whose href is not a URL: {href!r}")
            continue
        if resolved.scheme not in {"http", "https"} or not resolved.netloc:
            problems.append(f"an anchor whose href is not a web address: {href!r}")
    return problems


def audit_image_alt(page, document, robots):
    return [f"<img> without alt: {img.get('src')}" for img in document.select("img:not([alt])")]


def audit_hreflang(page, document, robots):
    problems = []
    for link in document.select("link[hreflang]"):
        language, href = link["hreflang"], link.get("href", "")
        if language.lower() != "x-default" and not LANGUAGE_TAG.match(language):
            problems.append(f"hreflang={language!r} is not a language code")
        if urlsplit(href).scheme not in {"http", "https"}:
            problems.append(f"hreflang {language}: {href!r} is not a full URL")
    return problems


def audit_canonical(page, document, robots):
    hrefs = {link.get("href", "") for link in document.select('link[rel~="canonical"]')}
    if len(hrefs) != 1:
        return [f"{len(hrefs)} canonical URLs: {sorted(hrefs)}"]
    canonical = hrefs.pop()
    parts, here = urlsplit(canonical), urlsplit(page.url)
    problems = []
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        problems.append(f"canonical {canonical!r} is not a full URL")
    elif parts.netloc != here.netloc:
        problems.append(f"canonical {canonical} points to another host than {page.url}")
    if parts.path in {"", "/"} and urlsplit(page.url).path not in {"", "/"}:
        problems.append(f"canonical {canonical} points to the home page")
    language = (document.html.get("lang") or "").lower()
    for link in document.select("link[hreflang]"):
        if link.get("href") == canonical and link["hreflang"].lower() not in {
            language,
            "x-default",
        }:
            problems.append(f"canonical {canonical} is the {link['hreflang']} version's")
    return problems


def audit_robots_txt(page, document, robots):
    problems = [] if robots.status < 400 else [f"robots.txt answered {robots.status}"]
    if not robots.headers.get("Content-Type", "").startswith("text/plain"):
        problems.append(f"robots.txt is {robots.headers.get('Content-Type')}")
    seen_agent = False
    for number, line in enumerate(robots.html.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        directive, colon, value = line.partition(":")
        directive, value = directive.strip().lower(), value.strip()
        if not colon or directive not in ROBOTS_DIRECTIVES:
            problems.append(f"robots.txt line {number}: {line!r} is not a directive")
        elif directive == "user-agent":
            seen_agent = True
        elif directive == "sitemap":
            if urlsplit(value).scheme not in {"http", "https"}:
                problems.append(f"robots.txt line {number}: the sitemap {value!r} is not a URL")
        elif directive in {"allow", "disallow"}:
            if not seen_agent:
                problems.append(f"robots.txt line {number}: a rule before any user-agent")
            if value and not value.startswith(("/", "*")):
                problems.append(f"robots.txt line {number}: {value!r} is not a path pattern")
    return problems


def audit_document_lang(page, document, robots):
    language = document.html.get("lang", "") if document.html else ""
    return [] if LANGUAGE_TAG.match(language) else [f"<html lang={language!r}>"]


def audit_structured_data(page, document, robots):
    """Not a Lighthouse audit (its structured-data check is manual): the JSON-LD parses."""
    problems = []
    for script in document.select('script[type="application/ld+json"]'):
        try:
            json.loads(script.string or "")
        except ValueError as error:
            problems.append(f"JSON-LD does not parse: {error}")
    return problems


AUDITS = {
    "http-status-code": audit_http_status_code,
    "is-crawlable": audit_is_crawlable,
    "document-title": audit_document_title,
    "meta-description": audit_meta_description,
    "viewport": audit_viewport,
    "link-text": audit_link_text,
    "crawlable-anchors": audit_crawlable_anchors,
    "image-alt": audit_image_alt,
    "hreflang": audit_hreflang,
    "canonical": audit_canonical,
    "robots-txt": audit_robots_txt,
    "html-has-lang": audit_document_lang,
    "structured-data": audit_structured_data,
}


def audit(page, robots):
    """{audit: [problems]} for one fetched page; an empty list is a pass."""
    document = soup(page.html)
    return {name: check(page, document, robots) for name, check in AUDITS.items()}


@pytest.mark.parametrize("page_type", INDEXABLE)
def test_every_seo_audit_passes(crawled, page_type):
    results = audit(crawled[page_type], crawled["robots.txt"])
    failed = {name: problems for name, problems in results.items() if problems}
    passed = len(results) - len(failed)
    assert failed == {}, (
        f"{crawled[page_type].url}: {passed}/{len(results)} audits pass; failing:\n"
        + "\n".join(f"  {name}: {problems}" for name, problems in failed.items())
    )


def test_every_page_has_its_own_title_and_description(crawled):
    titles, descriptions = {}, {}
    for page_type in ALL:
        if crawled[page_type].status != 200:
            continue
        document = soup(crawled[page_type].html)
        titles.setdefault(document.title.get_text(strip=True), []).append(page_type)
        meta = document.select_one('meta[name="description"]')
        assert meta is not None and meta["content"].strip(), f"{page_type}: no description"
        descriptions.setdefault(meta["content"], []).append(page_type)
    assert {title: types for title, types in titles.items() if len(types) > 1} == {}


def test_search_results_and_the_pages_after_signing_are_kept_out_of_indexes(crawled):
    robots = crawled["robots.txt"]
    for page_type in ("search results", "check your email", "confirmation link that does not work"):
        page = crawled[page_type]
        assert audit(page, robots)["is-crawlable"], f"{page_type} may be indexed"
    assert "noindex" in str(soup(crawled["search results"].html).select('meta[name="robots"]'))


def test_the_audits_catch_what_they_are_for():
    """Each audit fails on the mistake it looks for (so a pass means something)."""
    from tests.public_pages import Fetched

    robots = Fetched(
        "http://localhost/robots.txt",
        200,
        {"Content-Type": "text/plain"},
        "User-agent: *\nDisallow: /private/\nSitemap: /sitemap.xml\nNoindex: /x/\n",
    )
    bad = Fetched(
        "http://localhost/private/page/",
        404,
        {"X-Robots-Tag": "noindex"},
        '<!DOCTYPE html><html lang="english"><head><title> </title>'
        '<link rel="canonical" href="/"><link rel="canonical" href="http://elsewhere.org/">'
        '<link rel="alternate" hreflang="english" href="/en/">'
        '<script type="application/ld+json">{"url": </script></head><body>'
        '<a href="/about/">click here</a><a href="javascript:void(0)">Open</a><a>x</a>'
        '<img src="/a.png"></body></html>',
    )
    results = audit(bad, robots)
    assert [name for name, problems in results.items() if not problems] == []
