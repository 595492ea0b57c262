from advocacy.core.sitemaps import PublicAddressSitemap

from .models import CallToAction, ShareBox


class CallToActionSitemap(PublicAddressSitemap):
    """The public page of every published call to action (open, opening later or closed)
    and share box: everything under /act/<slug>/."""

    changefreq = "daily"

    def items(self):
        return [
            *CallToAction.objects.published().order_by("pk"),
            *ShareBox.objects.published().order_by("pk"),
        ]

    def lastmod(self, action):
        return action.last_published_at
