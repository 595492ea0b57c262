from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap

from wagtail.contrib.sitemaps import Sitemap

from .public_url import public_origin
from .visibility import public_pages


class PublicAddressSitemap(DjangoSitemap):
    """A sitemap of objects that are not pages (statements, calls to action): each <loc> is
    the object's address on the public address (PUBLIC_URL), never the host the sitemap was
    requested by. Pages name it already: their full URLs come from the Site, kept in step."""

    def get_protocol(self, protocol=None):
        return urlsplit(public_origin()).scheme

    def get_domain(self, site=None):
        return urlsplit(public_origin()).netloc


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
