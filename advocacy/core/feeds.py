from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .public_url import public_url


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are declared plain text (type="text"), escaped.

    Django's Atom1Feed declares them type="html", so a reader would render any markup in
    a statement's words or a standfirst; here "<b>" is shown as the four characters it is.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class PublicAddressFeed(Feed):
    """An Atom feed (plain-text summaries) whose links name the public address.

    Django's Feed puts the requesting host before any link given as a path; here the feed's
    own address (rel="self") is on the public address, and ``link``/``item_link`` must
    return full URLs: ``page.get_full_url()`` for pages, ``public_url(path)`` otherwise.
    """

    feed_type = PlainTextAtom1Feed

    def get_feed(self, obj, request):
        self.request_path = request.path
        return super().get_feed(obj, request)

    def feed_url(self):
        return public_url(self.request_path)
