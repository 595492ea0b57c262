from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .public_url import public_origin
from .sitecache import frame_for_request
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
    """The site's pages the public may open (Wagtail's sitemap, expired pages left out), in
    every language, each with its translations as hreflang alternates (and x-default).

    Each page is of its own type (a type may add addresses: a report's whole-report page)
    but read from the pages table alone, in one query: an address and a date need none of
    a type's own fields."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = [root]
        if root.translation_key in self._translated_keys():
            roots = root.get_translations(inclusive=True)
        trees = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return public_pages(Page.objects.filter(trees)).order_by("path").specific(defer=True)

    def _translated_keys(self):
        """Keys of pages public in two languages or more, from the site frame (no query)."""
        if self.request is None:
            return set(public_pages().values_list("translation_key", flat=True))
        return set(frame_for_request(self.request).translated_keys)

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        items = list(self.paginator.page(page).object_list)
        # Every public version of the listed pages, in one query.
        versions = {}
        keys = {item.translation_key for item in items} & self._translated_keys()
        for version in (
            public_pages(Page.objects.filter(translation_key__in=keys)).select_related("locale")
            if keys
            else ()
        ):
            versions.setdefault(version.translation_key, []).append(version)
        for item in items:
            alternates = []
            group = versions.get(item.translation_key, [])
            if len(group) > 1:
                alternates = [
                    {"lang_code": v.locale.language_code, "location": v.get_full_url(self.request)}
                    for v in group
                ]
                default = next(
                    (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
                )
                if default is not None:
                    alternates.append({"lang_code": "x-default", "location": default["location"]})
            for url_info in item.get_sitemap_urls(self.request):
                if alternates and url_info["location"] == item.get_full_url(self.request):
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
