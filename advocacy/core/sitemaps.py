from wagtail.contrib.sitemaps import Sitemap

from .visibility import public_pages


class PageSitemap(Sitemap):
    """The site's pages the public may open (Wagtail's sitemap, expired pages left out).

    Each page is of its own type (a type may add addresses: a report's whole-report page)
    but read from the pages table alone, in one query: an address and a date need none of
    a type's own fields."""

    def items(self):
        return (
            public_pages(self.get_wagtail_site().root_page.get_descendants(inclusive=True))
            .order_by("path")
            .specific(defer=True)
        )
