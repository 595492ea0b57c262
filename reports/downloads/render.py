"""The whole-report page rendered outside any request, for the PDF and the EPUB: the same view
and templates readers get at /<report>/all/, as an anonymous reader on the report's site."""

import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import RequestFactory
from django.utils import translation


def site_origin(report):
    """The report's site as “scheme://host[:port]”, the origin its files link back to."""
    site = report.get_site()
    return (site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def whole_report_path(report):
    parts = report.get_url_parts()
    return (parts[2] if parts else report.url or "/") + "all/"


def render_whole_report(report):
    """(html, origin, path): the whole-report page as an anonymous reader gets it."""
    origin = site_origin(report)
    address = urlsplit(origin)
    path = whole_report_path(report)
    request = RequestFactory().get(
        path, secure=address.scheme == "https", HTTP_HOST=address.netloc or "localhost"
    )
    # The site's own host, whatever ALLOWED_HOSTS says in the worker's settings.
    request.get_host = lambda: address.netloc or "localhost"
    request.user = AnonymousUser()
    # A fresh copy each time: rendering counts footnote references on the chapters it reads
    # (wagtail-footnotes), so a second rendering from the same objects would number them on.
    fresh = type(report.specific).objects.get(pk=report.pk)
    with translation.override(report.locale.language_code):
        response = fresh.whole_report(request)
    return response.content.decode(), origin, path


def local_file(url, origin):
    """(bytes, content type) of a static file or an uploaded file (a rendition) the page
    names by address on its own site; None for anything else (never fetched over the net)."""
    path = url[len(origin) :] if url.startswith(origin + "/") else url
    if path.startswith(("http:", "https:", "//")):
        return None
    path = path.split("?", 1)[0].split("#", 1)[0]
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        try:  # collected (with hashed names in production)
            with staticfiles_storage.open(name, "rb") as handle:
                return handle.read(), content_type
        except (FileNotFoundError, OSError, ValueError, NotImplementedError):
            found = finders.find(name)
        if not found:
            return None
        with open(found, "rb") as handle:
            return handle.read(), content_type
    if settings.MEDIA_URL.startswith("/") and path.startswith(settings.MEDIA_URL):
        name = path[len(settings.MEDIA_URL) :]
        try:
            with default_storage.open(name, "rb") as handle:
                return handle.read(), content_type
        except (FileNotFoundError, OSError, ValueError):
            return None
    return None
