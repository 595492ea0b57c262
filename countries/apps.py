from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    """Country pages: structured facts, comparison and timeline."""

    name = "countries"
    verbose_name = _("Countries")
