"""The site's public address (``settings.PUBLIC_URL``): the one origin every absolute URL names.

Readers share links, crawlers follow the sitemap and journalists paste citations: each must
name the address the site is served at, whatever host a request came in by (a proxy, a
health check, ``localhost`` instead of ``127.0.0.1``). So nothing builds an absolute URL
from the request. A page's full URL comes from Wagtail's Site (``page.get_full_url()``),
which ``sync_site`` keeps in step with PUBLIC_URL; everything else (permalinks, citations,
feeds, the sitemap's non-page entries, share links, emails, images in social cards) goes
through ``public_url()``.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from wagtail.models import Site


def public_origin():
    """``scheme://host[:port]`` of the public address (no trailing slash)."""
    return settings.PUBLIC_URL.rstrip("/")


def public_url(location):
    """``location`` (a path such as ``/statements/12-words/``) as an absolute URL on the public
    address. A URL that already names a host (media on another server) is kept as it is."""
    location = str(location or "")
    if location.startswith(("http://", "https://")):
        return location
    origin = public_origin()
    if location.startswith("//"):
        return f"{urlsplit(origin).scheme}:{location}"
    if not location.startswith("/"):
        location = "/" + location
    return origin + location


def site_address(origin=None):
    """(hostname, port) of the public address, as Wagtail's Site stores them."""
    parts = urlsplit(origin or public_origin())
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname, parts.port or default_port


def sync_site(site=None):
    """Give the default Site (or ``site``) the hostname and port of PUBLIC_URL; touch nothing
    else. Returns True when it changed, and then forgets every cached page, whose links
    named the old address."""
    with transaction.atomic():
        if site is None:
            site = Site.objects.select_for_update().filter(is_default_site=True).first()
        if site is None:
            return False
        hostname, port = site_address()
        if (site.hostname, site.port) == (hostname, port):
            return False
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
        # Once committed (at once outside a transaction): a page rendered meanwhile from the
        # old site must not outlive the purge.
        transaction.on_commit(_forget_every_page, robust=True)
    return True


def _forget_every_page():
    from .pagecache import purge_urls

    purge_urls([], everything=True)


def check_public_url(app_configs=None, **kwargs):
    """``check --deploy``: the public address is https, and the site answers requests for it."""
    from django.core.checks import Warning
    from django.http.request import validate_host

    problems = []
    origin = public_origin()
    if not origin.startswith("https://"):
        problems.append(
            Warning(
                f"PUBLIC_URL is {origin}: readers would be sent to plain http.",
                hint="Set PUBLIC_URL to the site's https origin, e.g. https://example.org.",
                id="core.W101",
            )
        )
    host = urlsplit(origin).hostname
    if not validate_host(host, settings.ALLOWED_HOSTS):
        problems.append(
            Warning(
                f"The host of PUBLIC_URL ({host}) is not in ALLOWED_HOSTS: every link the"
                " site gives out would be answered with 400.",
                hint="Add it to ALLOWED_HOSTS.",
                id="core.W102",
            )
        )
    return problems
