"""WSGI entry point for gunicorn: `gunicorn advocacy.wsgi`.

Django's handler with the page cache's front door (advocacy.core.pagecache_wsgi): a page
kept in the in-app cache is answered before Django builds a request.
"""

import gc
import os

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings.production")
django.setup(set_prefix=False)

from advocacy.core.pagecache_wsgi import PageCacheHandler  # noqa: E402

application = PageCacheHandler()


def tune_garbage_collector(threshold):
    """Collect less often than Python's default, and never look at what start-up built again.

    Serving a page allocates tens of thousands of short-lived objects; at the default
    threshold (700 allocations) the collector runs dozens of times a page, and what a page
    still holds then (its queries, its template context) is promoted and traversed again.
    What start-up imported (Django, Wagtail, the URLconf, the models: ~200,000 objects) lives
    as long as the worker: frozen, no collection traverses it. ``threshold`` ≤ 0 leaves
    Python's defaults.
    """
    if threshold <= 0:
        return
    gc.collect()
    gc.freeze()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(threshold, middle, old)


tune_garbage_collector(settings.GC_THRESHOLD)
