"""What the countries app offers the layers below it: the answer to core's question "which
page is this country's, in this language?" (advocacy.core.countries), so the apps below
never import it, and its demo step."""

from wagtail import hooks

from advocacy.core.countries import FIND_COUNTRY_PAGES
from advocacy.core.visibility import public_pages

from . import demo
from .models import CountryPage

hooks.register("build_demo_content", demo.build_step, order=400)


@hooks.register(FIND_COUNTRY_PAGES)
def find_country_pages(codes, locale):
    pages = public_pages(CountryPage.objects.all())
    if codes is not None:
        pages = pages.filter(iso_code__in=codes)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.order_by("path")
