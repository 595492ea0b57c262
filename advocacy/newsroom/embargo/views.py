"""The address a journalist opens: /embargo/<token>/.

Every answer from here, the preview and each refusal alike, is private: never stored by
any cache, never indexed, never sent on as a referrer, and it sets no cookie. A token that
opens nothing gets the site's ordinary 404 page, the same whatever was tried; a link that
has expired, was revoked, or whose page or statement is gone gets a 410 page that names
nothing.
"""

import functools

from django_ratelimit.core import get_usage

from django.conf import settings
from django.http import Http404
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.csp import CSP
from django.views.decorators.http import require_safe
from django.views.defaults import page_not_found

from wagtail.models import Page

from advocacy.core.network import client_key

from . import services

PREVIEW_TEMPLATE = "pages/newsroom/embargo_preview.html"
GONE_TEMPLATE = "pages/newsroom/embargo_gone.html"
TOO_MANY_TEMPLATE = "pages/newsroom/embargo_too_many.html"
# Tokens that open nothing, per client, before every answer is "too many tries" for a
# while: a real link is never mistyped this often, a guesser gets nowhere anyway
# (2^256 tokens) but is kept off the database.
DEFAULT_MISS_RATE = "30/10m"
MISS_GROUP = "newsroom.embargo-miss"


def private(view):
    """Headers for every answer of ``view``, whatever it returns."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, no_store=True, private=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        # The site's policy, with forms refused by the browser: nothing in a preview is
        # meant to be submitted.
        response._csp_config = {**settings.SECURE_CSP, "form-action": [CSP.NONE]}
        # Set no cookie: the journalist's browser keeps nothing from the visit.
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        for name in list(response.cookies):
            del response.cookies[name]
        return response

    return wrapped


def miss_rate(group, request):
    return getattr(settings, "EMBARGO_LINK_MISS_RATE", DEFAULT_MISS_RATE) or None


def too_many_misses(request):
    """Whether this client has used up its misses for now."""
    usage = get_usage(request, group=MISS_GROUP, key=client_key, rate=miss_rate)
    return bool(usage) and usage["count"] >= usage["limit"]


def count_miss(request):
    get_usage(request, group=MISS_GROUP, key=client_key, rate=miss_rate, increment=True)


def not_found(request):
    return page_not_found(request, Http404())


def gone(request, reason):
    return TemplateResponse(request, GONE_TEMPLATE, {"reason": reason}, status=410)


@private
@require_safe
def embargoed_preview(request, token):
    if too_many_misses(request):
        return TemplateResponse(request, TOO_MANY_TEMPLATE, status=429)
    link = services.find_link(token)
    if link is None:
        count_miss(request)
        return not_found(request)
    if link.revoked_at is not None:
        return gone(request, "revoked")
    if link.expires_at <= timezone.now():
        return gone(request, "expired")
    current = link.content_object
    if link.revision is None or current is None:
        return gone(request, "deleted")
    response = render_preview(request, link, current)
    if response is None:
        return gone(request, "deleted")
    if request.method == "GET":
        services.record_view(link)
    return response


@private
@require_safe
def no_such_link(request, rest=""):
    """Anything else under /embargo/: the same 404 as a token that opens nothing."""
    count_miss(request)
    return not_found(request)


def render_preview(request, link, current):
    """The saved version, through the object's own preview (Wagtail's serve_preview), in
    its public template, wrapped in the embargo banner. None if it cannot be shown."""
    shown = link.revision.as_object()
    mode = shown.default_preview_mode
    request.is_preview = True
    request.preview_mode = mode
    language = shown.locale.language_code if isinstance(shown, Page) else settings.LANGUAGE_CODE
    with translation.override(language):
        response = shown.serve_preview(request, mode)
        if not isinstance(response, TemplateResponse):
            return None
        names = response.template_name
        if hasattr(names, "render"):  # already a template
            base = getattr(names, "template", names)
        else:
            base = select_template([names] if isinstance(names, str) else names).template
        response.template_name = PREVIEW_TEMPLATE
        response.context_data = {
            **(response.context_data or {}),
            "embargo_base": base,
            "embargo": services.embargo_for(link, current, shown),
            "embargo_link": link,
        }
        response.render()
    return response
