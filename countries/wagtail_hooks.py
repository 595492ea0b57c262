"""What the countries app offers the layers below it: the answer to core's question "which
page is this country's, in this language?" (advocacy.core.countries), so the apps below
never import it, and its demo step."""

from wagtail import hooks

from advocacy.core.countries import FIND_COUNTRY_PAGES
from advocacy.core.pagecache import PURGE_URLS_HOOK
from advocacy.core.visibility import public_pages

from . import demo
from .models import CountryPage

hooks.register("build_demo_content", demo.build_step, order=400)


@hooks.register(FIND_COUNTRY_PAGES)
def find_country_pages(codes, locale):
    # For names and links (kept in the site frame): the pages' bodies are not read.
    pages = public_pages(CountryPage.objects.defer("body"))
    if codes is not None:
        pages = pages.filter(iso_code__in=codes)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.order_by("path")


def _country_codes(obj):
    """The countries an object is tagged with (a statement's, a chapter's, a call to
    action's ``countries`` field; a report's covered countries)."""
    value = getattr(obj, "countries", None)
    if value is None or (callable(value) and not hasattr(value, "all")):
        return set()  # e.g. the country index's countries() method: not a tag
    if hasattr(value, "all"):  # a report's ReportCountry rows
        value = [row.country for row in value.all()]
    elif isinstance(value, str):
        value = value.split(",")
    return {str(getattr(item, "code", item)) for item in value if item}


@hooks.register(PURGE_URLS_HOOK)
def country_page_addresses(obj):
    """The country pages (every language) whose dossier lists the changed object."""
    codes = _country_codes(obj)
    if not codes:
        return []
    return [page.url for page in CountryPage.objects.filter(iso_code__in=codes) if page.url]
