"""Public views: the list of actions, the page to sign one (or a share box's page), and the
confirmation link.

Pages that carry a form (and so a CSRF token) are never cached, anywhere: each visitor's
page holds their own token. Pages without one (the list, "check your email") may be.
"""

import logging

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from advocacy.core.countries import active_locale
from advocacy.core.listings import listing_url
from advocacy.core.public_url import public_origin, public_url
from advocacy.core.translation import localized
from advocacy.core.visibility import is_published

from . import queries, ratelimit, services, tasks
from .forms import SignatureForm
from .models import CallToAction, ShareBox

logger = logging.getLogger(__name__)


def _action_or_404(slug):
    """A published call to action; a draft, scheduled or expired one does not exist here."""
    return get_object_or_404(CallToAction.objects.published(), slug=slug, locale=active_locale())


@require_GET
def index(request, page):
    """The index page: every published call to action and share box, newest first, open
    ones first, under the page's title and introduction."""
    locale = active_locale()
    actions = [
        *localized(CallToAction.objects.published(), locale),
        *localized(ShareBox.objects.published(), locale).select_related("link_page"),
    ]
    actions.sort(key=lambda action: (action.created_at, action.pk), reverse=True)
    order = {"open": 0, "scheduled": 1, "closed": 2}
    actions.sort(key=lambda action: order[getattr(action, "status", "open")])
    context = page.get_context(request)
    context["calls_to_action"] = actions
    return TemplateResponse(request, page.get_template(request), context)


@never_cache
@csrf_protect
@sensitive_post_parameters("name", "email", "organisation")
@require_http_methods(["GET", "HEAD", "POST"])
def detail(request, slug):
    """The call to action, its progress and the form to sign it (no JavaScript needed).

    The same addresses serve share boxes (their slugs never clash with a call to action's).
    """
    # The version in the reader's language (a translation shares its source's slug).
    call_to_action = (
        CallToAction.objects.published().filter(slug=slug, locale=active_locale()).first()
    )
    if call_to_action is None:
        return share_box(request, slug)
    status = 200
    notice = None
    consent = services.number_consent_text(call_to_action)
    form = SignatureForm(call_to_action=call_to_action, consent=consent)
    if request.method == "POST":
        verdict = ratelimit.hit(request)
        if not verdict.allowed:
            return rate_limited(request, call_to_action, verdict.retry_after)
        if not call_to_action.is_open:
            notice = _("Your signature was not recorded: this call to action is not open.")
            status = 409
        else:
            form = SignatureForm(request.POST, call_to_action=call_to_action, consent=consent)
            if form.is_valid():
                if form.is_spam:
                    logger.info("Honeypot filled in; nothing stored.")
                else:
                    # One background task decides what this request does; nothing here
                    # reads the signatures, so every address gets the same answer in the
                    # same time. Not inside a transaction: the task row commits at once.
                    tasks.process_signature.enqueue(
                        **form.task_arguments(),
                        site_url=public_origin(),
                        language=translation.get_language(),
                    )
                return redirect(listing_url("actions:check_email", slug=call_to_action.slug))
    return TemplateResponse(
        request,
        "pages/actions/call_to_action.html",
        {
            "call_to_action": call_to_action,
            "form": form,
            "notice": notice,
            "recent_signers": (
                call_to_action.recent_public_signers() if call_to_action.show_recent_signers else []
            ),
            "share_url": public_url(call_to_action.get_absolute_url()),
            "confirmation_hours": settings.ACTIONS_CONFIRMATION_HOURS,
        },
        status=status,
    )


def untranslated_action(slug):
    """An action asked for under a language it has no version in: its default-language
    address (never its words in another language's frame), or 404 when there is none."""
    elsewhere = translation.get_language() != settings.LANGUAGE_CODE
    for model in (CallToAction, ShareBox):
        found = model.objects.published().filter(
            slug=slug, locale__language_code=settings.LANGUAGE_CODE
        )
        if elsewhere and found.exists():
            return redirect(listing_url("actions:detail", slug, language=settings.LANGUAGE_CODE))
    raise Http404


def share_box(request, slug):
    """A published share box's own page: its headline, summary, button and share links.

    It takes no signatures: a form posted here is refused as it is on a closed petition.
    """
    box = (
        ShareBox.objects.published()
        .select_related("link_page")
        .filter(slug=slug, locale=active_locale())
        .first()
    )
    if box is None:
        return untranslated_action(slug)
    if request.method == "POST":
        verdict = ratelimit.hit(request)
        if not verdict.allowed:
            return rate_limited(request, box, verdict.retry_after)
    return TemplateResponse(
        request,
        "pages/actions/share_box.html",
        {
            "share_box": box,
            "notice": (
                _("Your signature was not recorded: this call to action is not open.")
                if request.method == "POST"
                else None
            ),
            "share_url": public_url(box.get_absolute_url()),
        },
        status=409 if request.method == "POST" else 200,
    )


@require_GET
def check_email(request, slug):
    """After signing: the same words whoever signed, so the page reveals nobody's address."""
    call_to_action = _action_or_404(slug)
    return TemplateResponse(
        request,
        "pages/actions/check_email.html",
        {
            "call_to_action": call_to_action,
            "confirmation_hours": settings.ACTIONS_CONFIRMATION_HOURS,
        },
    )


CONFIRM_STATUS = {
    queries.ConfirmOutcome.READY: 200,
    queries.ConfirmOutcome.CONFIRMED: 200,
    queries.ConfirmOutcome.ALREADY_CONFIRMED: 200,
    queries.ConfirmOutcome.EXPIRED: 410,
    queries.ConfirmOutcome.CLOSED: 409,
    queries.ConfirmOutcome.INVALID: 404,
}


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The link in the email. Opening it shows a button; pressing the button confirms.

    A GET never confirms: mail scanners and link previews open links by themselves, and a
    stranger who typed someone else's address must not get a signature confirmed that way.
    """
    result = queries.check_token(token)
    if result.call_to_action is not None and not is_published(result.call_to_action):
        raise Http404  # unpublished since: no confirming, no title shown
    if request.method == "POST":
        result = services.confirm(token)
    call_to_action = result.call_to_action
    return TemplateResponse(
        request,
        "pages/actions/confirm.html",
        {
            "result": result,
            "outcome": result.outcome.value,
            "call_to_action": call_to_action,
            "signature": result.signature,
            "share_url": (
                public_url(call_to_action.get_absolute_url()) if call_to_action else None
            ),
        },
        status=CONFIRM_STATUS[result.outcome],
    )


def rate_limited(request, call_to_action, retry_after):
    """429: too many attempts from this connection; says when to try again."""
    minutes = max(1, round(retry_after / 60))
    response = TemplateResponse(
        request,
        "pages/actions/rate_limited.html",
        {"call_to_action": call_to_action, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response
