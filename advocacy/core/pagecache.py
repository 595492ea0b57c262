"""Public pages served from cache, and purged exactly when what they show changes.

Three layers keep a public page (see README.md, "Caching and speed"):

1. **Headers** (``PublicCacheHeadersMiddleware``). An anonymous GET or HEAD of a public page
   that set no cookie, read no session and carries no form gets::

       Cache-Control: public, max-age=60, s-maxage=600, stale-while-revalidate=60,
                      stale-if-error=86400

   (``PUBLIC_CACHE_*`` settings). Pages showing a signature count are capped at 30 s
   (``limit_public_cache``); "not found" answers and search results get the short time.
   Anything else (a signed-in editor, a preview, a form, a response that set a cookie or
   said ``private``/``no-store`` itself) is never marked public, and gets ``private`` when it
   said nothing.
2. **The in-app cache** (``PageCacheMiddleware``): whole responses marked public above are
   kept in the "pages" cache (Redis in production, CI and ``make run``; this process's
   memory otherwise) for their ``s-maxage``. A hit is answered before sessions, the database
   or any template. Redis errors are ignored: a miss, the page comes from the database.
3. A shared cache in front (Varnish, ``deploy/``), purged through Wagtail's frontend cache.

**Purging.** Every change that can alter a public page schedules, after its transaction
commits, one background task (``purge_task``) that works out the addresses that show the
changed object and forgets them in both caches:

* the object's own addresses (a page's, its parent's, the home page, the sitemap, search and
  the API), plus whatever apps above core contribute through the ``register_purge_urls``
  Wagtail hook (a function taking the changed object and returning addresses: a statement's
  permalink, card and feeds, the country pages listing it, a report's whole-report page…);
* every object that refers to it in Wagtail's ReferenceIndex (a chapter quoting a
  statement, a statement quoting a person), and theirs in turn, two levels deep.

Keys derive from the address, so a purge is exact: an address's path has a generation
token (``gen:<sha>``); a stored response keeps the token it was rendered under and is used
only while the path still has it. Purging a path deletes its token, which drops every
stored variant of it at once (any host, any query string: ``/statements/?page=2`` goes with
``/statements/``). A response rendered from the old content while the purge ran was
stored under the old token, so it is never served. Site settings and the main menu touch
every page: they drop a site-wide token instead.
"""

import hashlib
import logging
import secrets
import time
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.http import HttpResponse
from django.tasks import task
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from wagtail import hooks
from wagtail.models import DraftStateMixin, Page, ReferenceIndex, Site
from wagtail.signals import post_page_move, published, unpublished

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
# Wagtail hook: fn(obj) → iterable of addresses (paths like "/statements/12/" or full URLs)
# that show ``obj`` and must be purged when it changes.
PURGE_URLS_HOOK = "register_purge_urls"
# Wagtail hook: fn(obj) → True when a change to ``obj`` alters every page (site settings do,
# and so does a page in the main menu).
PURGE_ALL_HOOK = "register_purge_all"
# The address a PURGE names to drop every page of a host from the cache tier (not a page).
PURGE_ALL_PATH = "/.well-known/purge-all"

# Set in the WSGI environ by advocacy.core.pagecache_wsgi's handler: the middleware then
# leaves storing to it (it sees the response every middleware has finished), and says what
# to store under PENDING_ATTRIBUTE on the request.
STORE_AFTER_MIDDLEWARE = "advocacy.page_cache.store_after_middleware"
PENDING_ATTRIBUTE = "_page_cache_pending"

CACHEABLE_STATUS = {200, 301, 404, 410}
SHORT_STATUS = {404, 410}
# Never marked public nor stored: the admin, documents (collection privacy is checked per
# request), uploaded media, Wagtail's password forms.
BYPASS_PREFIXES = ("/admin/", "/documents/", "/_util/", "/django-admin/")
ALL_KEY = "gen:*"
# A path's generation token outlives any page stored under it.
GENERATION_SECONDS = 7 * 24 * 3600
# How far ReferenceIndex is followed: a person → the statements quoting them → the chapters
# quoting those statements.
REFERENCE_DEPTH = 2
# After the cache failed to answer, leave it alone this long (seconds) in this process.
OUTAGE_PAUSE = 5.0

_outage_until = 0.0


def forget_outage():
    """Ask the cache again at the next request (after an outage pause)."""
    global _outage_until
    _outage_until = 0.0


def pages_cache():
    return caches[CACHE_ALIAS]


# --- Headers ---------------------------------------------------------------------------


def limit_public_cache(request, seconds):
    """Keep this response at most ``seconds`` in any cache (a page showing a signature
    count calls it while rendering)."""
    if request is None:
        return
    current = getattr(request, "_public_cache_limit", None)
    request._public_cache_limit = seconds if current is None else min(current, seconds)


def _bypasses(request):
    """True when nothing about this request may come from or go to a shared cache."""
    return (
        request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HTTP_AUTHORIZATION" in request.META
        or getattr(request, "is_dummy", False)
        or getattr(request, "is_preview", False)
        or request.path_info.startswith(BYPASS_PREFIXES)
        or (settings.MEDIA_URL.startswith("/") and request.path_info.startswith(settings.MEDIA_URL))
    )


def _is_public(request, response):
    """May this response be kept by shared caches and given to every anonymous reader?"""
    if _bypasses(request) or response.status_code not in CACHEABLE_STATUS:
        return False
    if response.streaming or response.cookies or response.has_header("Cache-Control"):
        return False
    if _varies(response):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.accessed:
        return False  # the response may depend on who asked
    # A CSRF token was rendered into the page (a form): it belongs to one visitor.
    return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


def _varies(response):
    """True when the response names a request header it depends on (other than the
    encoding): one stored copy per address could not be right for everyone."""
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return bool(vary - {"accept-encoding"})


def public_cache_times(request, response):
    """(max_age, s_maxage) for a public response."""
    max_age = settings.PUBLIC_CACHE_MAX_AGE
    s_maxage = settings.PUBLIC_CACHE_S_MAXAGE
    if response.status_code in SHORT_STATUS or getattr(request, "_short_public_cache", False):
        max_age = min(max_age, settings.PUBLIC_CACHE_SHORT_MAX_AGE)
        s_maxage = min(s_maxage, settings.PUBLIC_CACHE_SHORT_MAX_AGE)
    limit = getattr(request, "_public_cache_limit", None)
    if limit is not None:
        max_age, s_maxage = min(max_age, limit), min(s_maxage, limit)
    return max_age, s_maxage


class PublicCacheHeadersMiddleware:
    """Cache-Control for every response (see the module doc): public for anonymous public
    pages, ``private`` for the rest unless the view said otherwise.

    Placed just inside ``PageCacheMiddleware``, before the session and CSRF middleware, so
    that it sees the response they finish: any cookie or ``Vary: Cookie`` they add makes it
    private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _is_public(request, response):
            max_age, s_maxage = public_cache_times(request, response)
            patch_cache_control(
                response,
                public=True,
                max_age=max_age,
                s_maxage=s_maxage,
                stale_while_revalidate=settings.PUBLIC_CACHE_STALE_WHILE_REVALIDATE,
                stale_if_error=settings.PUBLIC_CACHE_STALE_IF_ERROR,
            )
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True)
        return response


def short_public_cache(view):
    """Mark a view's public responses as kept only ``PUBLIC_CACHE_SHORT_MAX_AGE`` (search
    results: many addresses, each asked for rarely)."""

    def wrapped(request, *args, **kwargs):
        request._short_public_cache = True
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


# --- The in-app cache --------------------------------------------------------------------


def _digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def generation_key(path):
    return "gen:" + _digest(path)


def entry_key(scheme, host, path, query):
    return "page:" + _digest(f"{scheme}://{host}{path}?{query}")


def _s_maxage(response):
    directives = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        directives[name.lower()] = value
    if "public" not in directives or directives.keys() & {"private", "no-store", "no-cache"}:
        return None
    try:
        return int(directives.get("s-maxage") or directives.get("max-age") or "")
    except ValueError:
        return None


def store_entry(cache, key, generation, response):
    """Keep a public response under ``key`` for its ``s-maxage``, tagged with the
    generation tokens it was rendered under."""
    seconds = _s_maxage(response)
    if (
        not seconds
        or response.status_code not in CACHEABLE_STATUS
        or response.streaming
        or response.cookies
        or _varies(response)
    ):
        return
    entry = {
        "gen": generation,
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "x-page-cache")
        ],
        "content": response.content,
    }
    cache.set(key, entry, seconds)


class PageCacheMiddleware:
    """Answers anonymous GET/HEAD requests for public pages from the "pages" cache, and
    keeps the public responses it passes on (see the module doc)."""

    header = "X-Page-Cache"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        global _outage_until
        if not settings.PAGE_CACHE or _bypasses(request) or time.monotonic() < _outage_until:
            return self.get_response(request)
        try:
            host = request.get_host()
        except DisallowedHost:
            return self.get_response(request)
        cache = pages_cache()
        path = request.path
        gen_key = generation_key(path)
        key = entry_key(request.scheme, host, path, request.META.get("QUERY_STRING", ""))
        found = cache.get_many([gen_key, ALL_KEY, key])
        generation, everything = found.get(gen_key), found.get(ALL_KEY)
        entry = found.get(key)
        if (
            entry is not None
            and generation is not None
            and everything is not None
            and entry["gen"] == (generation, everything)
        ):
            return self._hit(request, entry)
        generation = generation or self._new_generation(cache, gen_key)
        everything = everything or self._new_generation(cache, ALL_KEY)
        if generation is None or everything is None:
            # The cache cannot keep anything (Redis down): serve from the database, and stop
            # asking for a few seconds so each request pays no timeout.
            _outage_until = time.monotonic() + OUTAGE_PAUSE
            logger.warning("The page cache is not answering; pages are served uncached.")
            return self.get_response(request)
        response = self.get_response(request)
        if request.method == "GET":
            if request.environ.get(STORE_AFTER_MIDDLEWARE):
                # advocacy.core.pagecache_wsgi stores it once every middleware has run.
                setattr(request, PENDING_ATTRIBUTE, (key, (generation, everything)))
            else:
                store_entry(cache, key, (generation, everything), response)
        if not response.has_header(self.header):
            response[self.header] = "miss"
        return response

    @staticmethod
    def _new_generation(cache, key):
        cache.add(key, secrets.token_hex(8), GENERATION_SECONDS)
        return cache.get(key)

    def _hit(self, request, entry):
        response = HttpResponse(
            b"" if request.method == "HEAD" else entry["content"], status=entry["status"]
        )
        for name, value in entry["headers"]:
            response[name] = value
        if response.status_code == 200 and (
            response.has_header("ETag") or response.has_header("Last-Modified")
        ):
            # A conditional request (If-None-Match, If-Modified-Since) still gets its 304.
            last_modified = response.get("Last-Modified")
            response = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(last_modified) if last_modified else None,
                response=response,
            )
        response[self.header] = "hit"
        return response


# --- Purging -----------------------------------------------------------------------------


def _language_variants(path):
    """The path under every language's prefix (/x/, /ru/x/): Wagtail serves a page of the
    default language under another language's prefix when that language has no tree."""
    prefixes = {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
    first = path.split("/", 2)[1] if path.count("/") >= 2 else ""
    bare = path[len(first) + 1 :] if first in prefixes else path
    return {bare, *(f"/{code}{bare}" for code in prefixes)}


def _paths(urls):
    paths = set()
    for url in urls:
        if not url:
            continue
        path = urlsplit(url).path or "/"
        paths |= _language_variants(path)
    return paths


def _site_roots():
    return sorted({site.root_url for site in Site.objects.all()}) or ["http://localhost"]


def purge_urls(urls, *, everything=False):
    """Forget these addresses now: in the in-app cache (every host and query string of each
    path, in every language) and in the frontend caches Wagtail's ``frontend_cache`` knows
    (``WAGTAILFRONTENDCACHE``; none configured, nothing sent). ``everything`` forgets every
    page in the in-app cache. Called by ``purge_task``; call it directly only outside a
    transaction."""
    paths = _paths(urls)
    cache = pages_cache()
    keys = [generation_key(path) for path in paths]
    if everything:
        keys.append(ALL_KEY)
    if keys:
        cache.delete_many(keys)
    frontend_paths = set(paths)
    if everything:
        # A change on every page (site settings, the main menu): the cache tier drops every
        # page of the host at once (deploy/varnish/default.vcl bans on this address).
        frontend_paths.add(PURGE_ALL_PATH)
    _purge_frontend_caches(sorted(root + path for root in _site_roots() for path in frontend_paths))
    return paths


def _purge_frontend_caches(urls):
    """Wagtail's frontend cache backends (HTTP PURGE for Varnish), called here, already off
    the request path (``purge_urls_from_cache`` would queue yet another task)."""
    from wagtail.contrib.frontend_cache.utils import get_backends

    if not urls:
        return
    for name, backend in get_backends().items():
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        if not mine:
            continue
        try:
            backend.purge_batch(mine)
        except Exception:  # a frontend cache being down must not stop the others
            logger.exception("Purging the frontend cache %r failed.", name)


def _page_urls(page):
    """A page's own address, its parent's (listings, chapter lists) and the API's."""
    urls = set()
    parts = page.get_url_parts()
    if parts is not None:
        urls.add(parts[2])
    parent = page.get_parent() if page.depth > 1 else None
    if parent is not None and parent.depth > 1:
        parent_parts = parent.get_url_parts()
        if parent_parts is not None:
            urls.add(parent_parts[2])
    urls.add(f"/api/v2/pages/{page.pk}/")
    # The images and documents a page uses are listed by the API only while a public page
    # uses them.
    urls |= {"/api/v2/images/", "/api/v2/documents/"}
    for kind, pk in _media_used_by(page):
        urls.add(f"/api/v2/{kind}/{pk}/")
    return urls


def _media_used_by(page):
    from django.contrib.contenttypes.models import ContentType

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    kinds = {
        ContentType.objects.get_for_model(get_image_model()).pk: "images",
        ContentType.objects.get_for_model(get_document_model()).pk: "documents",
    }
    references = ReferenceIndex.get_references_for_object(page).filter(to_content_type_id__in=kinds)
    return {
        (kinds[ref.to_content_type_id], ref.to_object_id)
        for ref in references.only("to_content_type_id", "to_object_id")
    }


def _own_urls(obj):
    """What core knows shows any object: the home page, the sitemap, search, the API
    listings; for a page, its own address and its parent's."""
    urls = {"/", "/sitemap.xml", "/search/", "/api/v2/pages/"}
    if isinstance(obj, Page):
        urls |= _page_urls(obj)
        # Its translations' switcher and hreflang links say whether it is public.
        for version in obj.get_translations().live():
            if version.url:
                urls.add(version.url)
    for contribute in hooks.get_hooks(PURGE_URLS_HOOK):
        urls |= {url for url in (contribute(obj) or ()) if url}
    return urls


def _changes_everything(obj):
    if any(check(obj) for check in hooks.get_hooks(PURGE_ALL_HOOK)):
        return True
    if isinstance(obj, Page) and obj.depth > 1:
        # A site's root page, or a page in the main menu (its title on every page).
        if Site.objects.filter(root_page_id=obj.pk).exists():
            return True
        parent_id = obj.get_parent().pk
        if obj.show_in_menus and Site.objects.filter(root_page_id=parent_id).exists():
            return True
    return False


def _referrers(obj):
    try:
        groups = ReferenceIndex.get_references_to(obj).group_by_source_object()
        return [source for source, _refs in groups]
    except Exception:  # a model the index does not know, a source deleted meanwhile
        logger.debug("No references for %r", obj, exc_info=True)
        return []


def urls_for_objects(objects, depth=REFERENCE_DEPTH):
    """(addresses, everything) for a change to ``objects``: theirs and those of every object
    that refers to them (ReferenceIndex), ``depth`` levels deep; ``everything`` when one of
    them is on every page."""
    urls, seen, everything = set(), set(), False
    level = list(objects)
    for _step in range(depth + 1):
        following = []
        for obj in level:
            if isinstance(obj, Page):
                obj = obj.specific_deferred if type(obj) is Page else obj
            key = (obj._meta.concrete_model._meta.label_lower, str(obj.pk))
            if key in seen:
                continue
            seen.add(key)
            urls |= _own_urls(obj)
            everything = everything or _changes_everything(obj)
            following.extend(_referrers(obj))
        level = following
    return urls, everything


def purge_objects(objects):
    """Purge now everything that shows these objects (what ``purge_task`` does; call it
    outside a transaction, or use ``schedule_purge``)."""
    urls, everything = urls_for_objects(objects)
    return purge_urls(urls, everything=everything)


def _object_ref(obj):
    return [obj._meta.label_lower, str(obj.pk)]


@task()
def purge_task(*, objects=(), urls=(), everything=False):
    """Work out what shows these objects, and purge it (see the module doc). Objects are
    [model label, pk] pairs; ones gone meanwhile are skipped (their addresses came in
    ``urls``)."""
    found = []
    for label, pk in objects:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        instance = model._default_manager.filter(pk=pk).first()
        if instance is not None:
            found.append(instance)
    more, changes_all = urls_for_objects(found)
    purged = purge_urls([*urls, *more], everything=everything or changes_all)
    return len(purged)


def schedule_purge(*, objects=(), urls=(), everything=False):
    """Purge after the current transaction commits, in the background (``purge_task``)."""
    arguments = {
        "objects": [_object_ref(obj) for obj in objects],
        "urls": sorted(set(urls)),
        "everything": everything,
    }

    def enqueue():
        try:
            purge_task.enqueue(**arguments)
        except Exception:
            # The queue being down must not fail the editor's save; caches expire anyway.
            logger.exception("Could not queue a cache purge.")

    transaction.on_commit(enqueue, robust=True)


# --- What schedules a purge --------------------------------------------------------------


def _watched(model):
    """Models whose saves change public pages without a publish step: snippets that are
    not drafts (a person), site settings."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    if issubclass(model, Page) or issubclass(model, DraftStateMixin):
        return False  # published / unpublished say when they change
    return issubclass(model, BaseSiteSetting | BaseGenericSetting) or model in get_snippet_models()


@receiver(published, dispatch_uid="pagecache-published")
@receiver(unpublished, dispatch_uid="pagecache-unpublished")
def purge_on_publish(sender, instance, **kwargs):
    """A page or snippet published (also by ``publish_scheduled`` at go-live), or
    unpublished."""
    schedule_purge(objects=[instance])


@receiver(post_save, dispatch_uid="pagecache-saved")
def purge_on_save(sender, instance, raw=False, **kwargs):
    if raw or not _watched(sender):
        return
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    schedule_purge(
        objects=[instance],
        everything=isinstance(instance, BaseSiteSetting | BaseGenericSetting),
    )


@receiver(pre_delete, dispatch_uid="pagecache-deleted")
def purge_on_delete(sender, instance, **kwargs):
    """A page or watched object about to be deleted: its addresses and its referrers are
    worked out now, while it exists."""
    if isinstance(instance, Page):
        if not instance.live and not instance.has_unpublished_changes:
            return
    elif not (_watched(sender) or isinstance(instance, DraftStateMixin)):
        return
    try:
        with transaction.atomic():  # a failed lookup must not break the deletion
            urls, everything = urls_for_objects([instance])
    except Exception:
        logger.exception("Could not work out what to purge for a deleted %s.", sender.__name__)
        return
    schedule_purge(urls=urls, everything=everything)


@receiver(post_page_move, dispatch_uid="pagecache-moved")
def purge_on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    """A moved page: its old addresses (and its subpages') and its new ones."""
    old = []
    site_paths = [site.root_page.url_path for site in Site.objects.select_related("root_page")]
    for page in Page.objects.descendant_of(instance, inclusive=True).only("url_path")[:500]:
        before = url_path_before + page.url_path[len(url_path_after) :]
        for root in site_paths:
            if before.startswith(root):
                old.append("/" + before[len(root) :])
    old_parent = url_path_before.rstrip("/").rsplit("/", 1)[0] + "/"
    for root in site_paths:
        if old_parent.startswith(root):
            old.append("/" + old_parent[len(root) :])
    schedule_purge(objects=[instance], urls=old)
