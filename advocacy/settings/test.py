"""Tests: fast hashing, Redis cache (own key prefix), immediate tasks, in-memory mail and files."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The public address of the test site: Wagtail's default Site in tests is localhost on port
# 80 (tests/site_home.py), whatever PUBLIC_URL the environment has (`make` sets one).
PUBLIC_URL = "http://localhost"
WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = PUBLIC_URL
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "quote_cards": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "press_kit": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "report_downloads": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
WHITENOISE_AUTOREFRESH = True
LOCAL_ADMIN_ALLOWED = True

# The cache is Redis, as in production and CI, so rate limits and throttles are tested the
# way several workers share them. Each test process gets its own key prefix (xdist workers,
# parallel checkouts) and tests/conftest.py empties only its own keys between tests.
# Errors are not ignored here: a test must not pass because Redis was unreachable.
CACHES = {
    "default": redis_cache(  # noqa: F405
        os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2"),
        IGNORE_EXCEPTIONS=False,
    )
}
CACHES["default"]["KEY_PREFIX"] = f"less-equal-test-{os.getpid()}"
CACHES["default"]["TIMEOUT"] = 600
# Whole pages (advocacy.core.pagecache): the same Redis, errors ignored as in production (a
# Redis outage must only slow the site; tests/core/test_pagecache.py points it at a closed
# port to show it).
# Off by default in tests: a test that changes content inside its transaction never commits,
# so nothing would purge. tests/core/test_pagecache.py turns it on and commits.
PAGE_CACHE = False
CACHES["pages"] = {
    **redis_cache(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")),  # noqa: F405
    "KEY_PREFIX": f"less-equal-test-pages-{os.getpid()}",
}

# Tasks run at once, inside the test, so their effects can be asserted directly.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Publishing a report does not lay out its PDF in every test (tests/reports/test_downloads.py
# and the mirror's test turn it on).
REPORT_DOWNLOADS_ON_PUBLISH = False

# The web's 2.5 s statement timeout is tested on connections of its own
# (tests/core/test_database_timeouts.py). The suite's connections get a generous one: many
# test processes share one machine, and the concurrency tests hold locks on purpose.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["OPTIONS"]["options"] = "-c statement_timeout=60000"  # noqa: F405
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # Browser tests write from the live server's thread while the test's thread writes too.
    DATABASES["default"]["OPTIONS"]["timeout"] = 30  # noqa: F405
