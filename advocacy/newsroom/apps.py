from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """How a launch is run: embargoed preview links for journalists, release bundles that go
    live together, the source-safety review before publishing, and the press kit."""

    name = "advocacy.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from wagtail.signals import published

        from .bundles import note_published

        # The press kit is rebuilt whenever what it holds changes.
        from .presskit import signals  # noqa: F401

        # Pages and snippets alike: Wagtail sends "published" for both, also from
        # publish_scheduled, so a bundle is marked released when its last item goes live.
        published.connect(
            lambda sender, instance, **kwargs: note_published(instance),
            dispatch_uid="newsroom.release_bundles",
            weak=False,
        )
