"""Site search: which page types it covers, and how a query and its snippets are cleaned."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.models import get_page_models

from advocacy.core import textsafety

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SNIPPET_LENGTH = 240

_CONTROL_CHARS = textsafety.UNSAFE_IN_QUERIES


def searchable_models():
    """The page types the site search covers: those that set ``show_in_site_search``
    (``advocacy.core.pages.BasePage``), whichever app they belong to."""
    return [model for model in get_page_models() if getattr(model, "show_in_site_search", False)]


def clean_query(raw):
    """A query safe and cheap to run: no control characters, bounded length and terms."""
    text = _CONTROL_CHARS.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 4])
    terms = text.split()[:MAX_TERMS]
    return " ".join(terms)[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    """The words of a query, without the quotes and operators a search box may contain."""
    words = re.findall(r"\w+", query)
    return [w for w in words if len(w) > 1 or not w.isascii()][:MAX_TERMS]


# Words a full-text engine may read as syntax (SQLite's FTS5: AND, OR, NOT, NEAR).
OPERATOR_WORDS = {"and", "or", "not", "near"}


def search_text(raw):
    """The one query sanitiser: what every search entry point (site search, quote desk, API)
    hands to the search backend. Only words, lower-cased, operator words left out; quotes,
    brackets, markup, control characters and anything past the length and term caps never
    reach it. Empty when nothing searchable is left."""
    words = (term.casefold() for term in query_terms(clean_query(raw)))
    return " ".join(word for word in words if word not in OPERATOR_WORDS)


def highlight(text, terms, length=SNIPPET_LENGTH):
    """An escaped excerpt of ``text`` around the first term found, terms in <mark>."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    if not terms:
        excerpt = text[:length]
        return escape(excerpt + ("…" if len(text) > length else ""))
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - length // 3) if first else 0
    end = min(len(text), start + length)
    excerpt = text[start:end]
    pieces, last = [], 0
    for match in pattern.finditer(excerpt):
        pieces.append(escape(excerpt[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(excerpt[last:]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308  every piece is escaped
