"""Values worked out at most once per request.

A page asks the same questions many times while it renders (is this page public? where is
the quote desk?). Inside a request, ``memo(key, compute)`` answers each from the first
computation; outside one (a management command, a background task, a test's own code
between requests) it computes every time, so nothing outlives the request that found it.

The store is per thread (gunicorn's workers serve one request per thread) and opened and
closed by Django's request_started / request_finished signals. Any row saved or deleted
during a request empties it (``forget``), so a request that changes something (an editor's)
reads afresh whatever it asks next.
"""

import threading

from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

_local = threading.local()


def memo(key, compute):
    """``compute()``'s value, computed once per request for ``key``."""
    store = getattr(_local, "store", None)
    if store is None:
        return compute()
    try:
        return store[key]
    except KeyError:
        value = store[key] = compute()
        return value


def remember(key, value):
    """Store a value for the rest of the request (nothing outside a request)."""
    store = getattr(_local, "store", None)
    if store is not None:
        store[key] = value


def recall(key, default=None):
    """A value remembered for this request, else ``default``."""
    store = getattr(_local, "store", None)
    return default if store is None else store.get(key, default)


def forget():
    """Drop every value remembered for the current request (something they depend on changed)."""
    if getattr(_local, "store", None) is not None:
        _local.store = {}


@receiver(request_started, dispatch_uid="request-memo-open")
def _open(**kwargs):
    _local.store = {}


@receiver(request_finished, dispatch_uid="request-memo-close")
def _close(**kwargs):
    _local.store = None


@receiver(post_save, dispatch_uid="request-memo-saved")
@receiver(post_delete, dispatch_uid="request-memo-deleted")
@receiver(m2m_changed, dispatch_uid="request-memo-m2m")
def _forget_on_change(**kwargs):
    forget()
