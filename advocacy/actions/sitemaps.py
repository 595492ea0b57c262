from django.contrib.sitemaps import Sitemap

from .models import CallToAction


class CallToActionSitemap(Sitemap):
    """The public page of every published call to action (open, opening later or closed)."""

    changefreq = "daily"

    def items(self):
        return CallToAction.objects.published().order_by("pk")

    def lastmod(self, call_to_action):
        return call_to_action.last_published_at
