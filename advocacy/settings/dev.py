"""Local development: Django's auto-reloading server, DEBUG on."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import PUBLIC_URL

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105
# The loopback names, and the host of PUBLIC_URL (`make dev` sets it to what it serves).
ALLOWED_HOSTS = list(
    dict.fromkeys(["127.0.0.1", "localhost", "[::1]", urlsplit(PUBLIC_URL).hostname])
)
MAILERS = {"default": {"BACKEND": "advocacy.core.mail.ConsoleEmailBackend"}}
LOCAL_ADMIN_ALLOWED = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
