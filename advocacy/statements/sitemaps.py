from advocacy.core.sitemaps import PublicAddressSitemap

from .models import Statement


class StatementSitemap(PublicAddressSitemap):
    """Permalinks of published statements."""

    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Statement.objects.published().order_by("pk")

    def lastmod(self, statement):
        return statement.last_published_at
