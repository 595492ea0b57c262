from django.contrib.sitemaps import Sitemap

from .models import CallToAction


class CallToActionSitemap(Sitemap):
    """The public page of every call to action (open, scheduled or closed)."""

    changefreq = "daily"

    def items(self):
        return CallToAction.objects.order_by("pk")
