"""Two-factor sign-in pages in the admin, and the rate limit on view-restriction passwords."""

import functools

from django_ratelimit.core import get_usage

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from advocacy.core.network import client_key

from . import two_factor
from .forms import CodeForm


def _safe_next(request):
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _refusal_message(refused):
    if refused.retry_at:
        seconds = max(1, int((refused.retry_at - timezone.now()).total_seconds()) + 1)
        return _("Too many wrong codes. Wait %(seconds)s seconds, then try again.") % {
            "seconds": seconds
        }
    return _("That code is not right. Check the time on your phone and try the newest code.")


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class VerifyView(FormView):
    """After the password: the code from the authenticator app."""

    template_name = "accounts/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        if request.user.is_verified() or not two_factor.has_device(request.user):
            return redirect(_safe_next(request))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": _safe_next(self.request)}

    def form_valid(self, form):
        try:
            two_factor.verify(self.request, form.cleaned_data["otp_token"])
        except two_factor.Refused as refused:
            form.add_error("otp_token", _refusal_message(refused))
            return self.render_to_response(
                self.get_context_data(form=form), status=429 if refused.retry_at else 200
            )
        return redirect(_safe_next(self.request))


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class SetupView(WagtailAdminTemplateMixin, FormView):
    """Set up (or replace, or turn off) two-factor sign-in for one's own account."""

    template_name = "accounts/setup.html"
    form_class = CodeForm
    page_title = gettext_lazy("Two-factor sign-in")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context["required"] = two_factor.is_required_for(user)
        context["has_device"] = two_factor.has_device(user)
        context["setting_up"] = not context["has_device"] or (
            "replace" in self.request.POST or "otp_token" in self.request.POST
        )
        context["next"] = _safe_next(self.request)
        if context["setting_up"]:
            device = two_factor.pending_device(user)
            context["qr_code"] = two_factor.qr_code_img(device)
            context["secret"] = two_factor.secret_text(device)
        return context

    def post(self, request, *args, **kwargs):
        if "replace" in request.POST:
            return self.render_to_response(self.get_context_data(form=CodeForm()))
        if "turn_off" in request.POST:
            if two_factor.turn_off(request.user):
                messages.success(request, _("Two-factor sign-in is off for your account."))
            else:
                messages.error(request, _("Your account must use two-factor sign-in."))
            return redirect("accounts_two_factor_setup")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        device = two_factor.pending_device(self.request.user)
        try:
            two_factor.confirm_device(self.request, device, form.cleaned_data["otp_token"])
        except two_factor.Refused as refused:
            form.add_error("otp_token", _refusal_message(refused))
            return self.render_to_response(
                self.get_context_data(form=form), status=429 if refused.retry_at else 200
            )
        messages.success(
            self.request, _("Two-factor sign-in is on: each sign-in will ask for a code.")
        )
        return redirect(_safe_next(self.request))


# ---------------------------------------------------------------- view-restriction passwords


def limit_password_tries(view, scope):
    """Wrap one of Wagtail's password views (a page's or a document collection's view
    restriction) so that a client (its address, IPv6 by /64) gets
    ``VIEW_RESTRICTION_PASSWORD_RATE`` tries per restricted object, then a 429 page that says
    when to try again. Counted in the shared cache by django-ratelimit."""

    @functools.wraps(view)
    def limited(request, *args, **kwargs):
        if request.method == "POST":
            target = ":".join(str(value) for value in kwargs.values())
            usage = get_usage(
                request,
                group=f"accounts.view-password.{scope}",
                key=lambda group, request: client_key(f"{group}:{target}", request),
                rate=settings.VIEW_RESTRICTION_PASSWORD_RATE,
                method="POST",
                increment=True,
            )
            if usage and usage["should_limit"]:
                return too_many_tries(request, usage["time_left"])
        return view(request, *args, **kwargs)

    return limited


def too_many_tries(request, seconds):
    seconds = max(1, int(seconds))
    response = render(
        request,
        "accounts/too_many_tries.html",
        {"minutes": max(1, -(-seconds // 60))},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response
