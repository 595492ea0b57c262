from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    """Calls to action (petitions, pledges, share / learn more) and their signatures."""

    name = "advocacy.actions"
    label = "actions"
    verbose_name = _("Calls to action")

    def ready(self):
        from . import tasks  # noqa: F401  (connects the receiver that forgets finished sign tasks)
