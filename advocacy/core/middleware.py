from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .errors import render_error_page


class PermissionsPolicyMiddleware:
    """Sends ``Permissions-Policy`` on every response: the site uses no camera, microphone,
    location, payment, USB, interest-based advertising (browsing-topics, FLoC) or the like,
    so each is switched off for it and for anything it might embed."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class PublicContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    """Django's CSP middleware: the strict policy for public pages, the admin's own for /admin/.

    Public pages get ``SECURE_CSP`` (scripts only as files from the site, no nonce, so the
    same bytes go to every reader; no inline style). The Wagtail admin
    still renders inline ``<script>`` (inline panels, date pickers) and ``style=`` attributes,
    so it gets ``ADMIN_CSP`` (enforced: same-origin everything, inline allowed) plus
    ``ADMIN_CSP_REPORT_ONLY`` (the strict policy it would need to meet, reported in the
    browser console, not enforced). A view may still set its own policy with Django's
    ``csp_override`` decorators; that wins.

    Wagtail's preview renders a public page inside an admin request: it runs the whole
    middleware chain again on a "dummy" request for the page's own path, so that response
    would carry the public policy, and its ``frame-ancestors 'none'`` would block the
    admin's preview panel (the outer admin response keeps the header it finds). That one
    response gets ``PREVIEW_CSP`` instead: the public policy, framable by the admin's own
    origin only. Public pages served to readers keep ``frame-ancestors 'none'``.
    """

    admin_prefix = "/admin/"

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.PREVIEW_CSP
        elif request.path.startswith(self.admin_prefix):
            if not hasattr(response, "_csp_config"):
                response._csp_config = settings.ADMIN_CSP
            if not hasattr(response, "_csp_ro_config"):
                response._csp_ro_config = settings.ADMIN_CSP_REPORT_ONLY
        return super().process_response(request, response)


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but the language of everything outside the admin is the
    one its address names (/ru/… Russian, anything else the default language), never the
    browser's Accept-Language or a language cookie.

    Public pages are in ``i18n_patterns`` with the default language unprefixed, so Django
    already picks their language from the path alone; it still sends ``Vary:
    Accept-Language`` on unprefixed addresses, which would split every shared cache's copy
    of a page by each reader's browser settings for nothing. The API, the sitemap and
    robots.txt (outside ``i18n_patterns``) are given the default language too, so that their
    one address always means one response. The admin keeps Django's negotiation (and its
    Vary header): editors' own language preference applies there.
    """

    admin_prefix = "/admin/"

    def _is_admin(self, request):
        return request.path_info.startswith(self.admin_prefix)

    def process_request(self, request):
        super().process_request(request)
        if not self._is_admin(request) and not translation.get_language_from_path(
            request.path_info
        ):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if self._is_admin(request):
            return super().process_response(request, response)
        vary = response.headers.get("Vary")
        response = super().process_response(request, response)
        if vary is None:
            response.headers.pop("Vary", None)
        else:
            response.headers["Vary"] = vary
        return response


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, readers get a calm "back in a moment" page with
    503 and ``Retry-After`` (never cached) instead of the error page: a cache in front keeps
    serving the pages it holds, and the rest come back by themselves. The 503 template uses
    no database."""

    RETRY_AFTER_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        response = HttpResponse(render_error_page(request, "503.html"), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
