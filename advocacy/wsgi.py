"""WSGI entry point for gunicorn: `gunicorn advocacy.wsgi`.

Django's handler with the page cache's front door (advocacy.core.pagecache_wsgi): a page
kept in the in-app cache is answered before Django builds a request.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings.production")
django.setup(set_prefix=False)

from advocacy.core.pagecache_wsgi import PageCacheHandler  # noqa: E402

application = PageCacheHandler()
