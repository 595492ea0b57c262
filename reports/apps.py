from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The report, its chapters and press releases."""

    name = "reports"
    verbose_name = _("Reports")
