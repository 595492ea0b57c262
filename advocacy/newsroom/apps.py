from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """How a launch is run: embargoed preview links for journalists, release bundles that go
    live together, the source-safety review before publishing, and the press kit."""

    name = "advocacy.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        # The press kit is rebuilt whenever what it holds changes.
        from .presskit import signals  # noqa: F401
