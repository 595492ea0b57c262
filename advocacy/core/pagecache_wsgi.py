"""The in-app page cache's front door: a hit answered before Django builds a request.

``PageCacheMiddleware`` (advocacy.core.pagecache) answers a hit from inside Django: the
request object, the request signals and the outer middleware still cost more than the hit
itself. ``PageCacheHandler`` is Django's WSGI handler with one step in front: an anonymous
GET or HEAD whose address has a current entry in the "pages" cache is answered straight
from it — no request object, no middleware, no database, no template. Everything else
(a miss, a signed-in editor, a conditional request, a POST) goes to Django as before.

What a hit returns is exactly what Django returned when the entry was stored: the handler
stores the response after *every* middleware has run (security headers, permissions policy,
Content-Security-Policy included), so a hit and a miss carry the same headers.

Keys and generation tokens are the middleware's (``entry_key``, ``generation_key``), so a
purge drops entries for both. An entry only exists for an address Django accepted (its host
passed ``ALLOWED_HOSTS``), so an unknown host is always a miss and reaches Django's check.

**A copy in the worker, kept exact by Redis.** Asking Redis for a page costs a round trip,
as long as the rest of the hit together. With Redis as the "pages" cache, each worker keeps
the entries it served in memory and asks Redis to tell it when any key it read changes
(``CLIENT TRACKING`` with invalidation messages sent to a second connection of its own). A
purge deletes generation tokens in Redis; Redis sends the invalidation at once, and the
worker reads pending invalidations before every lookup, so the purged copy is dropped before
the next request is answered — including the request Varnish sends to refill itself after
the same purge. If either connection fails, the worker forgets its copies and asks Redis
directly (or, with Redis down, Django) until it can track again.
"""

import contextlib
import logging
import os
import threading
import time
from http import HTTPStatus

from redis.exceptions import RedisError

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler, get_path_info, get_script_name

from . import pagecache
from .pagecache import PENDING_ATTRIBUTE, STORE_AFTER_MIDDLEWARE

logger = logging.getLogger(__name__)

CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_AUTHORIZATION")


def _request_path(environ):
    script_name = get_script_name(environ)
    path_info = get_path_info(environ) or "/"
    return "{}/{}".format(script_name.rstrip("/"), path_info.replace("/", "", 1)), path_info


def _raw_host(environ):
    """The host as ``HttpRequest._get_raw_host`` reads it (unvalidated: see the module doc)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    if "HTTP_HOST" in environ:
        return environ["HTTP_HOST"]
    host = environ["SERVER_NAME"]
    port = str(environ["SERVER_PORT"])
    secure = environ.get("wsgi.url_scheme") == "https"
    if port != ("443" if secure else "80"):
        host = f"{host}:{port}"
    return host


def _scheme(environ):
    """The scheme as ``HttpRequest.scheme`` reads it (SECURE_PROXY_SSL_HEADER honoured)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            value, *_rest = value.split(",", 1)
            return "https" if value.strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def _is_candidate(environ, path_info):
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if any(header in environ for header in CONDITIONAL_HEADERS):
        return False  # a 304 or a bypass: the middleware's job
    if f"{settings.SESSION_COOKIE_NAME}=" in environ.get("HTTP_COOKIE", ""):
        return False  # possibly signed in: never from the cache
    if path_info.startswith(pagecache.BYPASS_PREFIXES):
        return False
    media = settings.MEDIA_URL
    return not (media.startswith("/") and path_info.startswith(media))


def cached_response(environ):
    """(status line, headers, body) for a current entry of this request's address, or None."""
    if not settings.PAGE_CACHE or time.monotonic() < pagecache._outage_until:
        return None
    try:
        path, path_info = _request_path(environ)
        if not _is_candidate(environ, path_info):
            return None
        key = pagecache.entry_key(
            _scheme(environ), _raw_host(environ), path, environ.get("QUERY_STRING", "")
        )
    except (KeyError, UnicodeError, ValueError):
        return None  # let Django answer (and refuse) a malformed request
    entry = _tracked.lookup(pagecache.generation_key(path), key)
    if entry is None:
        return None
    status = entry["status"]
    headers = [*entry["headers"], (pagecache.PageCacheMiddleware.header, "hit")]
    body = b"" if environ["REQUEST_METHOD"] == "HEAD" else entry["content"]
    return f"{status} {HTTPStatus(status).phrase}", headers, body


def _current(found, gen_key, key):
    """The entry in ``found`` (keys → values) if it was stored under the current tokens."""
    entry = found.get(key)
    if entry is None:
        return None
    generation, everything = found.get(gen_key), found.get(pagecache.ALL_KEY)
    if generation is None or everything is None or entry["gen"] != (generation, everything):
        return None
    return entry


class TrackedEntries:
    """This worker's copies of page-cache entries, dropped the moment Redis says a key they
    were read from changed (see the module doc). Without Redis (local memory), every lookup
    goes to the cache itself, which is already in this process."""

    INVALIDATE_CHANNEL = "__redis__:invalidate"
    MAX_ENTRIES = 500
    RETRY_SECONDS = 5.0

    def __init__(self):
        self._lock = threading.Lock()
        self._reset()

    def _reset(self):
        self._pid = os.getpid()
        self._location = _location()
        self._reader = self._listener = None
        self._entries = {}  # entry key → entry
        self._readers = {}  # Redis key → entry keys whose copy it validates
        self._retry_at = 0.0

    def lookup(self, gen_key, key):
        cache = pagecache.pages_cache()
        if not hasattr(cache, "client") or not hasattr(cache.client, "get_client"):
            return _current(cache.get_many([gen_key, pagecache.ALL_KEY, key]), gen_key, key)
        with self._lock:
            if self._pid != os.getpid() or self._location != _location():
                # A forked worker (its parent's connections are not its own), or the cache
                # moved to another server.
                self._disconnect(retry_now=True)
            try:
                if self._connected(cache):
                    return self._lookup_tracked(cache, gen_key, key)
            except Exception:  # Redis went away: forget everything, retry later
                logger.warning("Page cache tracking lost; asking Redis directly.", exc_info=True)
                self._disconnect()
        return _current(cache.get_many([gen_key, pagecache.ALL_KEY, key]), gen_key, key)

    def _connected(self, cache):
        if self._reader is not None:
            return True
        if time.monotonic() < self._retry_at:
            return False
        self._retry_at = time.monotonic() + self.RETRY_SECONDS
        pool = cache.client.get_client(write=False).connection_pool
        # Plain RESP2 connections of its own: push-based extras are not wanted here.
        kwargs = {
            name: value
            for name, value in pool.connection_kwargs.items()
            if not name.startswith("maint_notifications")
        }
        kwargs["protocol"] = 2
        listener = pool.connection_class(**kwargs)
        reader = pool.connection_class(**kwargs)
        try:
            listener.send_command("CLIENT", "ID")
            client_id = listener.read_response()
            listener.send_command("SUBSCRIBE", self.INVALIDATE_CHANNEL)
            listener.read_response()
            reader.send_command("CLIENT", "TRACKING", "ON", "REDIRECT", client_id)
            if reader.read_response() not in (b"OK", "OK"):
                raise ConnectionError("CLIENT TRACKING was refused")
        except Exception:
            listener.disconnect()
            reader.disconnect()
            raise
        self._listener, self._reader = listener, reader
        return True

    def _disconnect(self, *, retry_now=False):
        for connection in (self._reader, self._listener):
            if connection is not None:
                with contextlib.suppress(RedisError, OSError):  # already broken
                    connection.disconnect()
        self._reset()
        if not retry_now:
            self._retry_at = time.monotonic() + self.RETRY_SECONDS

    def _apply_invalidations(self):
        listener = self._listener
        while listener.can_read(timeout=0):
            message = listener.read_response()
            if not isinstance(message, list) or len(message) < 3:
                continue
            if message[0] not in (b"message", "message"):
                continue
            changed = message[2]
            if changed is None:  # the whole database was flushed
                self._entries.clear()
                self._readers.clear()
                continue
            for redis_key in changed:
                for key in self._readers.pop(_text(redis_key), ()):
                    self._entries.pop(key, None)

    def _lookup_tracked(self, cache, gen_key, key):
        self._apply_invalidations()
        entry = self._entries.get(key)
        if entry is not None:
            return entry
        client = cache.client
        names = [str(client.make_key(name)) for name in (gen_key, pagecache.ALL_KEY, key)]
        self._reader.send_command("MGET", *names)
        values = self._reader.read_response()
        found = {
            name: client.decode(value)
            for name, value in zip((gen_key, pagecache.ALL_KEY, key), values, strict=True)
            if value is not None
        }
        entry = _current(found, gen_key, key)
        # An invalidation for the keys just read may have crossed the reply: apply it first.
        self._apply_invalidations()
        if entry is not None:
            if len(self._entries) >= self.MAX_ENTRIES:
                self._entries.clear()
                self._readers.clear()
            self._entries[key] = entry
            for name in names:
                self._readers.setdefault(name, set()).add(key)
        return entry


def _location():
    return settings.CACHES.get(pagecache.CACHE_ALIAS, {}).get("LOCATION")


def _text(value):
    return value.decode("utf-8", "surrogateescape") if isinstance(value, bytes) else value


_tracked = TrackedEntries()


class PageCacheHandler(WSGIHandler):
    """Django's WSGI handler, answering current page-cache entries first (module doc)."""

    def __call__(self, environ, start_response):
        hit = cached_response(environ)
        if hit is not None:
            status, headers, body = hit
            start_response(status, headers)
            return [body]
        environ[STORE_AFTER_MIDDLEWARE] = True
        return super().__call__(environ, start_response)

    def get_response(self, request):
        response = super().get_response(request)
        pending = getattr(request, PENDING_ATTRIBUTE, None)
        if pending is not None:
            key, generation = pending
            pagecache.store_entry(pagecache.pages_cache(), key, generation, response)
        return response
