from django.apps import AppConfig


class StatementsConfig(AppConfig):
    """Statements and testimonies: the quote desk, its feeds, cards and API."""

    name = "advocacy.statements"
    label = "statements"
    verbose_name = "Statements"

    def ready(self):
        from . import signals  # noqa: F401  connects the quote-card receivers
