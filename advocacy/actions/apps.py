from django.apps import AppConfig


class ActionsConfig(AppConfig):
    """Calls to action (petitions, pledges, share / learn more) and their signatures."""

    name = "advocacy.actions"
    label = "actions"
    verbose_name = "Calls to action"

    def ready(self):
        from . import tasks  # noqa: F401  (connects the receiver that forgets finished sign tasks)
