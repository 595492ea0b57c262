from django.apps import AppConfig


class CountriesConfig(AppConfig):
    """Country pages: structured facts, comparison and timeline."""

    name = "countries"
    verbose_name = "Countries"
