"""The countries app answers core's question "which page is this country's, in this
language?" (advocacy.core.countries), so the apps below it never import it."""

from wagtail import hooks

from advocacy.core.countries import FIND_COUNTRY_PAGES
from advocacy.core.visibility import public_pages

from .models import CountryPage


@hooks.register(FIND_COUNTRY_PAGES)
def find_country_pages(codes, locale):
    pages = public_pages(CountryPage.objects.all())
    if codes is not None:
        pages = pages.filter(iso_code__in=codes)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.order_by("path")
