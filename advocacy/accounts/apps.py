from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in safety: login lockouts, two-factor sign-in, limits on view passwords."""

    name = "advocacy.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
