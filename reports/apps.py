from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ReportsConfig(AppConfig):
    """The report, its chapters and press releases."""

    name = "reports"
    # A context of its own: Wagtail's admin menu has a "Reports" (audit log, etc.) that our
    # catalog would otherwise retranslate as this app's "Доклады".
    verbose_name = pgettext_lazy("app", "Reports")
