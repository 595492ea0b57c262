"""One country key: the ISO 3166-1 code.

Statements, calls to action, a report's coverage, chapters and testimonies store codes. A
country *page* is found by (code, locale), so the same data serves /countries/belarus/ and
/ru/countries/belarus/. The pages belong to the countries app, the top layer: it answers
through the ``find_country_pages`` hook (countries/wagtail_hooks.py), and core and the apps
below countries ask through the functions here, never importing it.

A code the site has no public country page for (in any language) is not named on public
surfaces that list a statement's countries or filter by them: tagging statements ahead of a
country page's launch must not announce that the page is coming.
"""

import functools
from dataclasses import dataclass

from django_countries import countries as iso_countries

from django.utils import translation

from wagtail import hooks
from wagtail.models import Locale

from .request_memo import memo

# hooks.register(FIND_COUNTRY_PAGES): fn(codes, locale) -> iterable of public pages with
# ``iso_code`` and ``locale_id``; ``codes`` None means every code, ``locale`` None every
# language.
FIND_COUNTRY_PAGES = "find_country_pages"
# The request's list of every public country page (from the site frame, else one query).
COUNTRY_PAGES_MEMO = "public-country-pages"


def country_choices():
    """Every ISO 3166-1 country as (code, name), for choosers (a callable, so migrations
    name this function rather than copying ~250 countries); in the active language, sorted
    once per language (a testimony block asks for them each time one is read)."""
    return list(_sorted_countries(translation.get_language()))


@functools.cache
def _sorted_countries(language):
    return tuple(iso_countries)


def _codes(codes):
    return {str(getattr(code, "code", code)).upper() for code in codes if code}


def public_country_pages(codes=None, locale=None):
    """The public country pages for these codes (every code when None), in this locale
    (every locale when None).

    Read once per request, every code in every language (a few hundred pages at most), and
    then picked from: a page listing statements, its filter and its report links ask this
    several times (advocacy.core.request_memo)."""
    wanted = None if codes is None else _codes(codes)
    if wanted is not None and not wanted:
        return []
    pages = memo(COUNTRY_PAGES_MEMO, every_public_country_page)
    return [
        page
        for page in pages
        if (wanted is None or str(page.iso_code) in wanted)
        and (locale is None or page.locale_id == locale.pk)
    ]


def every_public_country_page():
    """Every public country page in every language (the site frame keeps them)."""
    pages = []
    for find in hooks.get_hooks(FIND_COUNTRY_PAGES):
        pages.extend(find(None, None))
    return pages


def active_locale():
    """Wagtail's ``Locale.get_active()``, from the request's site frame when it has one."""
    from .sitecache import active_locale as frame_locale  # the frame is built on pages

    return frame_locale() or Locale.get_active()


def country_pages(codes, locale=None):
    """{code: public page} for these codes in this locale (the reader's by default)."""
    locale = locale or active_locale()
    return {str(page.iso_code): page for page in public_country_pages(codes, locale)}


def covered_codes(codes=None):
    """Those of these codes (every code when None) with a public country page in some
    language: the countries the site covers publicly."""
    return {str(page.iso_code) for page in public_country_pages(codes)}


@dataclass(frozen=True)
class Country:
    """A country as a reader sees it: its code, its name, and its public page in the
    reader's language when there is one."""

    code: str
    page: object = None

    @property
    def name(self):
        """The page's title (the editors' name for it in that language), else the ISO name
        in the active language."""
        return self.page.title if self.page is not None else iso_countries.name(self.code)

    def __str__(self):
        return str(self.name)


def public_countries(code_lists, locale=None):
    """For each list of codes, its covered countries as Country, in the given order, with
    the page in ``locale`` (the reader's by default). One query for all the lists: the
    public pages in every language say both which codes are covered and which page is the
    reader's."""
    code_lists = [[str(getattr(c, "code", c)) for c in codes] for codes in code_lists]
    every = {code for codes in code_lists for code in codes}
    found = public_country_pages(every) if every else []
    covered = {str(page.iso_code) for page in found}
    locale_id = (locale or active_locale()).pk if found else None
    pages = {str(page.iso_code): page for page in found if page.locale_id == locale_id}
    return [
        [Country(code, pages.get(code)) for code in codes if code in covered]
        for codes in code_lists
    ]


def named_countries(codes):
    """Countries sorted by name in the active language, for a filter's choices."""
    return sorted((Country(code) for code in codes), key=lambda country: str(country.name))
