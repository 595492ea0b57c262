"""The site frame: what every public page needs around its own content, kept in Django's
cache so that serving a page does not ask the database for it again and again.

One entry per host, port and language holds the Wagtail site (with its root page), the
locales, the home page in that language (specific, the start of routing), the main menu,
the privacy page, the site settings, which pages have public translations, and a map of
every page's address to its id and type (routing fetches a page by id, in one query,
instead of walking the tree a level at a time).

Requests read their entry once (``SiteFrameMiddleware``, one cache read, which also answers
Wagtail's ``Site.find_for_request``). Any change that could alter a frame (a page saved,
published, unpublished, moved or deleted; a site, locale, view restriction or the site
settings saved or deleted) replaces the cache's generation token, which every entry carries,
so the next request rebuilds its entry: immediately and again once the transaction commits
(so an entry built from the old rows meanwhile is dropped too). A frame also lapses when the
first page it lists reaches its expiry time, in case the scheduler has not unpublished it yet.

Routing only takes hints from the map: a page fetched by id must still be the child with
that slug, else Wagtail's own tree walk decides; so a stale entry never serves a wrong page.
"""

import contextlib
import functools
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import Count, Min
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import timezone, translation

from modelcluster.fields import ParentalKey
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import request_memo
from .countries import COUNTRY_PAGES_MEMO, every_public_country_page
from .translation import translation_sources
from .visibility import (
    RESTRICTED_PATHS_MEMO,
    public_page_or_none,
    public_pages,
    restricted_paths,
)

GENERATION_KEY = "site-frame:generation"
CACHE_SECONDS = 600
# The request's frame generation (request_memo), for frame_memo.
GENERATION_MEMO = "site-frame-generation"
# (generation, {key: value}): see frame_memo.
_by_generation = (None, {})


@dataclass
class SiteFrame:
    generation: str
    site: Site | None
    home: Page | None = None  # the site's root page in this language, specific
    locales: dict = field(default_factory=dict)  # id → Locale
    menu: list = field(default_factory=list)  # public pages "shown in menus" under home
    privacy: Page | None = None
    settings: object = None  # core.SiteSettings
    routes: dict = field(default_factory=dict)  # url_path → (page id, content type id)
    lapses_at: object = None  # the first expiry time of a live page, or None
    translated_keys: frozenset = frozenset()  # translation keys of pages public in 2+ locales
    # visibility.restricted_paths(): under these tree paths a view restriction applies (a
    # restriction saved or deleted replaces the generation, like any other frame change).
    # None in a frame stored before this field existed: such a frame is rebuilt.
    restricted_paths: tuple | None = None
    # Every public country page, in every language (a handful; their bodies not read): the
    # covered countries and their links, on most pages (countries.public_country_pages).
    country_pages: tuple | None = None
    # (translation key, locale id) → the locale id a page was translated from: "Translated
    # from English" on every translated page (translation.original_page).
    translation_sources: dict | None = None


def frame_for_request(request):
    """This request's frame (read from the cache, or built), remembered on the request."""
    frame = getattr(request, "_site_frame", None)
    if frame is None:
        frame = request._site_frame = _load(request)
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = frame.site
        request_memo.remember(
            "frame-locales", {locale.language_code: locale for locale in frame.locales.values()}
        )
        request_memo.remember(RESTRICTED_PATHS_MEMO, frame.restricted_paths)
        # A frame lapses at its first page's expiry time without a new generation: what is
        # kept for the generation (frame_memo) lapses with it.
        request_memo.remember(
            GENERATION_MEMO,
            (frame.generation, frame.lapses_at) if frame.generation is not None else None,
        )
        # Wagtail's site root paths (every page link): this worker's copy for the generation.
        request._wagtail_cached_site_root_paths = frame_memo(
            "site-root-paths", Site.get_site_root_paths
        )
        if frame.country_pages is not None:
            request_memo.remember(COUNTRY_PAGES_MEMO, list(frame.country_pages))
    return frame


def frame_memo(key, compute, request=None):
    """``compute()``'s value, kept in this worker for as long as the request's frame
    generation lasts: for what changes only when a frame would (a site, a page, its
    address, a view restriction, an image), read then without a cache round trip. The value
    is shared by the worker's threads: read it, never change it. Outside a request, and for
    a preview (``request.is_preview``: a draft, not what the frame was built from), computed
    every time."""
    global _by_generation
    generation = request_memo.recall(GENERATION_MEMO)
    if generation is None or getattr(request, "is_preview", False):
        return compute()
    kept_for, values = _by_generation
    if kept_for != generation:
        values = {}
        _by_generation = (generation, values)
    try:
        return values[key]
    except KeyError:
        value = values[key] = compute()
        return value


def active_locale():
    """``Locale.get_active()`` from the request's frame; None outside a request (or when the
    active language has no locale), for the caller to ask the database."""
    locales = request_memo.recall("frame-locales")
    if not locales:
        return None
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    return locales.get(code)


def _load(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    language = translation.get_language() or ""
    key = f"site-frame:{hostname}:{request.get_port()}:{language}"
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    frame = found.get(key)
    if (
        frame is not None
        and frame.generation == generation
        and getattr(frame, "restricted_paths", None) is not None
        and getattr(frame, "country_pages", None) is not None
        and getattr(frame, "translation_sources", None) is not None
        and (frame.lapses_at is None or frame.lapses_at > timezone.now())
    ):
        return frame
    frame = _build(request, generation)
    cache.set(key, frame, CACHE_SECONDS)
    return frame


def _build(request, generation):
    from .models import SiteSettings

    site = Site._find_for_request(request)
    frame = SiteFrame(
        generation=generation,
        site=site,
        restricted_paths=restricted_paths(),
        country_pages=tuple(every_public_country_page()),
        translation_sources=translation_sources(),
    )
    frame.locales = {locale.pk: locale for locale in Locale.objects.all()}
    frame.routes = {
        url_path: (pk, content_type_id)
        for url_path, pk, content_type_id in Page.objects.values_list(
            "url_path", "pk", "content_type_id"
        )
    }
    frame.lapses_at = Page.objects.filter(live=True, expire_at__gt=timezone.now()).aggregate(
        first=Min("expire_at")
    )["first"]
    frame.translated_keys = frozenset(
        public_pages()
        .order_by()
        .values("translation_key")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .values_list("translation_key", flat=True)
    )
    if site is None:
        return frame
    home = site.root_page.localized.specific
    frame.home = home
    frame.menu = list(public_pages(Page.objects.child_of(home)).in_menu().only("title", "url_path"))
    # Unsaved defaults when the site has none yet: reading a page writes nothing.
    settings = SiteSettings.base_queryset().select_related("privacy_page").filter(
        site=site
    ).first() or SiteSettings(site=site)
    frame.settings = settings
    if settings.privacy_page_id is not None:
        frame.privacy = public_page_or_none(settings.privacy_page.localized)
    else:
        frame.privacy = public_pages(Page.objects.child_of(home)).filter(slug="privacy").first()
    return frame


# -- routing ---------------------------------------------------------------------------------
def route_request(request, path):
    """Route the request as Wagtail's ``Page.route_for_request`` does, starting from the
    frame's home page, and leave the result where Wagtail looks for it. Without a home page
    in the frame, Wagtail routes the request itself."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    home = frame_for_request(request).home
    if home is None:
        return
    prime_locale(request, home)
    try:
        result = home.route(request, [part for part in path.split("/") if part])
    except Http404:
        result = None
    request._wagtail_route_for_request = result


def child_page(request, parent, slug):
    """The specific child of ``parent`` with this slug, in one query, when the frame knows
    it; None to let Wagtail's tree walk decide."""
    frame = getattr(request, "_site_frame", None) if request is not None else None
    if frame is None:
        return None
    hint = frame.routes.get(f"{parent.url_path}{slug}/")
    if hint is None:
        return None
    page_id, content_type_id = hint
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    child = model.objects.filter(pk=page_id).first()
    if (
        child is None
        or child.slug != slug
        or child.depth != parent.depth + 1
        or not child.path.startswith(parent.path)
    ):
        return None
    child._cached_parent_obj = parent
    prime_locale(request, child)
    return child


def prime_locale(request, page):
    """Give the page its locale from the frame, sparing a query for ``page.locale``."""
    frame = getattr(request, "_site_frame", None)
    locale = frame.locales.get(page.locale_id) if frame is not None else None
    if locale is not None and not Page.locale.is_cached(page):
        Page.locale.field.set_cached_value(page, locale)


class SiteFrameMiddleware:
    """Reads the request's site frame once (after LocaleMiddleware has chosen the language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The database is down: the frame is read again where it is needed, and a page
        # view's error becomes the 503 page (DatabaseUnavailableMiddleware); /health/
        # answers 503 on its own.
        with contextlib.suppress(DatabaseError):
            frame_for_request(request)
        return self.get_response(request)


# -- forgetting ----------------------------------------------------------------------------
def forget_frames():
    """Every cached frame is stale: a new generation, now and after the transaction commits."""
    request_memo.forget()
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, None))


FRAME_MODELS = (Page, Site, Locale, PageViewRestriction)


@receiver(post_save, dispatch_uid="site-frame-saved")
@receiver(post_delete, dispatch_uid="site-frame-deleted")
def forget_frames_on_change(sender, instance, **kwargs):
    from .models import SiteSettings

    # Images and a page's own rows (its featured items, key findings: saved with the page in
    # the admin, but not only there) too: what is kept for a generation (frame_memo) may
    # hold them, and a replaced photo must not be served from an old copy.
    if isinstance(instance, (*FRAME_MODELS, SiteSettings, get_image_model())) or part_of_a_page(
        type(instance)
    ):
        forget_frames()


@functools.cache
def part_of_a_page(model):
    """Whether the model's rows belong to a page (a ParentalKey to a page model)."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in model._meta.concrete_fields
    )


@receiver(post_page_move, dispatch_uid="site-frame-moved")
@receiver(page_published, dispatch_uid="site-frame-published")
@receiver(page_unpublished, dispatch_uid="site-frame-unpublished")
def forget_frames_on_publication(sender, **kwargs):
    forget_frames()
