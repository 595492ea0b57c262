from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in safety: login lockouts, two-factor sign-in, limits on view passwords."""

    name = "advocacy.accounts"
    label = "accounts"
    verbose_name = "Accounts"
