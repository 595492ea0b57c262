from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """The report, its chapters and press releases."""

    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        from . import tasks  # noqa: F401  (connects the builds of the report's files)
