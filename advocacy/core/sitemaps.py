from wagtail.contrib.sitemaps import Sitemap

from .visibility import public_pages


class PageSitemap(Sitemap):
    """The site's pages the public may open (Wagtail's sitemap, expired pages left out)."""

    def items(self):
        return (
            public_pages(self.get_wagtail_site().root_page.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
