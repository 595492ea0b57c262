from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """The report, its chapters and press releases."""

    name = "reports"
    verbose_name = "Reports"
