"""Settings for the HTTP benchmark's gunicorn (bench/launch.py): `make run`'s production
settings, with the in-app page cache switched off when BENCH_PAGE_CACHE=off (the
"uncached" column) and the page cache's keys under a prefix of this run's own."""

import os

from advocacy.settings.local import *  # noqa: F403
from advocacy.settings.local import CACHES, MIDDLEWARE

if os.environ.get("BENCH_PAGE_CACHE") == "off":
    MIDDLEWARE = [m for m in MIDDLEWARE if m != "advocacy.core.pagecache.PageCacheMiddleware"]
for alias in CACHES:
    CACHES[alias]["KEY_PREFIX"] = f"{os.environ.get('BENCH_KEY_PREFIX', 'bench')}-{alias}"
