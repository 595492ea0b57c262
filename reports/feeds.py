from django.utils.translation import gettext as _

from advocacy.core.feeds import PublicAddressFeed


class PressReleaseFeed(PublicAddressFeed):
    """Atom feed of the live, public press releases under one index page."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_full_url(self.request)

    def subtitle(self):
        return self.index_page.search_description or _("Press releases")

    def items(self):
        return self.index_page.releases()[:50]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst or item.search_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        """The release's own date; none (no <published>) when the source gives none."""
        return item.published_at

    def item_updateddate(self, item):
        """When its latest revision was published here (Atom's <updated>, required)."""
        return item.last_published_at or item.first_published_at
