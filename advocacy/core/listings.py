"""Listing pages: one page in the tree (the quote desk, the calls-to-action index) that
serves a family of addresses under its own, and the way other code links to them by name.

A listing page is a routable page (``wagtail.contrib.routable_page``) whose routes have
names. Code that used to write ``reverse("statement_card", kwargs=...)`` writes
``listing_url("statement_card", pk=..., size=...)``: the same address, now built from the
page's place in the tree, so editors can rename, retitle or translate the page. Core knows no
listing page type: each registers its route names here when its class is defined.

Where no such page is live (a fresh database before ``load_demo_content``, or a page an
editor unpublished), links still point at the address the page is meant to have
(``fallback_slug`` under the site root, e.g. /statements/12-words/): a permalink printed in
a citation stays the same, and starts answering again when the page is (re)published. The
admin dashboard says when a listing page is missing (``MissingListingPanel``).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import class_prepared, post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from wagtail.admin.ui.components import Component
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site
from wagtail.signals import post_page_move
from wagtail.url_routing import RouteResult

from .request_memo import forget as forget_request_memo
from .request_memo import memo

# route name → listing page class ("quote_desk", "actions:detail", …)
_ROUTES = {}

# The address each listing page has in each language is cached (it is asked for once per
# statement on a listing; the cache is read once per request, advocacy.core.request_memo) and
# forgotten whenever a page or a site changes, as Wagtail does
# with its site root paths. With a per-process cache (local memory) another worker may keep
# an old address until this timeout.
CACHE_SECONDS = 600


class FileRoutesMixin(RoutablePageMixin):
    """A routable page with routes for files' addresses (statements.csv, card-og.png, a
    report's PDF)."""

    def route(self, request, path_components):
        """Wagtail's routing gives every sub-path a final "/"; a route for a file's address
        (statements.csv, card-og.png) is matched without it, exactly."""
        if self.live and path_components and "." in path_components[-1]:
            try:
                match = self.resolve_subpage("/" + "/".join(path_components))
            except Http404:
                pass
            else:
                request.routable_resolver_match = match
                return RouteResult(self, args=tuple(match))
        return super().route(request, path_components)


class ListingPageMixin(FileRoutesMixin):
    """A page that serves named sub-addresses other code links to (see the module doc).

    Set ``fallback_slug`` (the slug the demo gives it) and, optionally, ``route_namespace``
    ("actions" makes the route "detail" known as "actions:detail"). Route names must be
    unique across listing pages.
    """

    fallback_slug = None
    route_namespace = None

    @classmethod
    def url_for(cls, name, *args, language=None, **kwargs):
        """The address of one of this page type's routes, e.g. ``url_for("detail", slug=…)``,
        in ``language`` (the active language when None), as a path like ``reverse`` gives."""
        return cls.base_path(language) + cls.get_resolver().reverse(name, *args, **kwargs)

    @classmethod
    def base_path(cls, language=None):
        """The page's own address ("/statements/", "/ru/statements/"), from the cache."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        key = _cache_key(cls, language)
        from .sitecache import frame_memo  # the frame is built on pages

        return memo(key, lambda: frame_memo(key, lambda: cls._cached_base_path(key, language)))

    @classmethod
    def _cached_base_path(cls, key, language):
        path = cache.get(key)
        if path is None:
            path = cls.locate(language)
            cache.set(key, path, CACHE_SECONDS)
        return path

    @classmethod
    def live_page(cls):
        """The live page of this type in the site's default language, or None."""
        default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        if default is None:
            return None
        return cls.objects.live().filter(locale=default).order_by("path").first()

    @classmethod
    def locate(cls, language):
        """Work out the page's address in ``language``.

        The default-language page is the one found. For another language: its live
        translation's address when there is one; else, when that language has no home page of
        its own, Wagtail serves the default-language tree under the language's prefix
        (/ru/statements/ is the English desk in a Russian frame), so that address; else the
        default-language address, which always answers.
        """
        page = cls.live_page()
        if page is None:
            return _serve_path(f"{cls.fallback_slug}/", language)
        parts = page.get_url_parts()
        if parts is None:  # not under any site's root
            return _serve_path(f"{cls.fallback_slug}/", language)
        site_id, _root_url, own_path = parts
        if language == page.locale.language_code:
            return own_path
        root = Site.objects.select_related("root_page").get(pk=site_id).root_page
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None:
            translated = page.get_translation_or_none(locale)
            if translated is not None and translated.live:
                translated_parts = translated.get_url_parts()
                return translated_parts[2] if translated_parts else own_path
            root_translated = root.get_translation_or_none(locale)
            if root_translated is not None and root_translated.live:
                return own_path
        return _serve_path(page.url_path[len(root.url_path) :], language)


@receiver(class_prepared, dispatch_uid="listing-routes")
def register_listing_routes(sender, **kwargs):
    """Make a listing page type's route names known to ``listing_url`` when it is defined
    (not the migrations' historical copies of it, nor Wagtail's default unnamed route)."""
    if (
        not issubclass(sender, ListingPageMixin)
        or sender._meta.abstract
        or sender.__module__ == "__fake__"
    ):
        return
    own = RoutablePageMixin.get_subpage_urls()
    for route in sender.get_subpage_urls():
        if route in own:
            continue
        name = f"{sender.route_namespace}:{route.name}" if sender.route_namespace else route.name
        if _ROUTES.setdefault(name, sender) is not sender:
            raise ImproperlyConfigured(f"Two listing pages name a route {name!r}.")


def listing_url(name, *args, language=None, **kwargs):
    """The address of a listing page's named route ("quote_desk", "actions:detail", …)."""
    cls = _ROUTES[name]
    route = name.split(":", 1)[1] if cls.route_namespace else name
    return cls.url_for(route, *args, language=language, **kwargs)


def listing_page_types():
    return sorted(set(_ROUTES.values()), key=lambda cls: cls._meta.label)


def _serve_path(relative, language):
    with translation.override(language):
        return reverse("wagtail_serve", args=[relative])


def _cache_key(cls, language):
    return f"listing-path:{cls._meta.label_lower}:{language}"


def forget_listing_paths():
    forget_request_memo()
    cache.delete_many(
        [
            _cache_key(cls, language)
            for cls in listing_page_types()
            for language, _name in settings.LANGUAGES
        ]
    )


@receiver(post_save, dispatch_uid="listing-paths-saved")
@receiver(post_delete, dispatch_uid="listing-paths-deleted")
def forget_listing_paths_on_change(sender, instance, **kwargs):
    """Any page or site saved or deleted may move, rename, publish or hide a listing page
    (or the home page above it): forget the cached addresses."""
    if isinstance(instance, Page | Site | Locale):
        forget_listing_paths()


@receiver(post_page_move, dispatch_uid="listing-paths-moved")
def forget_listing_paths_on_move(sender, **kwargs):
    forget_listing_paths()


class MissingListingPanel(Component):
    """On the admin dashboard: a listing page type has no live page, so its addresses (a
    statement's permalink, a petition's page) answer "not found" until one is published."""

    name = "missing_listing"
    order = 50
    template_name = "core/admin/missing_listing_panel.html"

    def __init__(self, page_type):
        self.page_type = page_type

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["panel_id"] = "missing-" + self.page_type._meta.label_lower.replace(".", "-")
        context["page_type"] = self.page_type._meta.verbose_name
        context["address"] = self.page_type.base_path(settings.LANGUAGE_CODE)
        return context


def missing_listing_panels():
    """A dashboard panel for each listing page type with no live page."""
    return [MissingListingPanel(cls) for cls in listing_page_types() if cls.live_page() is None]
