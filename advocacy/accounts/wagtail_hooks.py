from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/verify/", views.VerifyView.as_view(), name="accounts_two_factor_verify"),
        path("two-factor/", views.SetupView.as_view(), name="accounts_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts_two_factor_setup"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Set up, move or turn off the code from an authenticator app."),
    }
