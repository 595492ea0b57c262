from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """People who speak for the organisation or are quoted by it."""

    name = "advocacy.people"
    label = "people"
    verbose_name = _("People")
