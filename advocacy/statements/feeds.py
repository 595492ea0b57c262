from django.http import HttpResponseBadRequest
from django.utils.translation import gettext_lazy as _

from advocacy.core.feeds import PublicAddressFeed
from advocacy.core.listings import listing_url
from advocacy.core.public_url import public_url

from .export import public_statements
from .filters import StatementFilterForm


class StatementFeed(PublicAddressFeed):
    """Atom feed of published statements; ?speaker=, ?country=, ?topic=, ?language= filter it."""

    title = _("Statements")
    subtitle = _("Statements and testimonies, newest first, with their permalinks.")

    def __call__(self, request, *args, **kwargs):
        form = StatementFilterForm(request.GET)
        if not form.is_valid():
            return HttpResponseBadRequest(
                "; ".join(f"{f}: {' '.join(e)}" for f, e in form.errors.items()),
                content_type="text/plain; charset=utf-8",
            )
        self.form = form
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return public_url(listing_url("quote_desk"))

    def items(self):
        return self.form.filter(public_statements())[:50]

    def item_title(self, item):
        # The date said, or that the source gives none, is in the title; the entry's own
        # <published>/<updated> times are when it was published and revised on this site.
        return f"{item.attribution}{item.said_on}: {item}"

    def item_description(self, item):
        return f"“{item.text}”"

    def item_link(self, item):
        return public_url(item.get_absolute_url())

    def item_pubdate(self, item):
        """When it was first published here (Atom's <published>), never the date said."""
        return item.first_published_at

    def item_updateddate(self, item):
        """When its latest revision was published here (Atom's <updated>, required)."""
        return item.last_published_at

    def item_author_name(self, item):
        return item.speaker_name or item.anonymous_source
