from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    """Statements and testimonies: the quote desk, its feeds, cards and API."""

    name = "advocacy.statements"
    label = "statements"
    verbose_name = _("Statements")

    def ready(self):
        from . import signals  # noqa: F401  connects the quote-card receivers
