from django.contrib.sitemaps import Sitemap

from .models import Statement


class StatementSitemap(Sitemap):
    """Permalinks of published statements."""

    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Statement.objects.published().order_by("pk")

    def lastmod(self, statement):
        return statement.last_published_at
