from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """People who speak for the organisation or are quoted by it."""

    name = "advocacy.people"
    label = "people"
    verbose_name = "People"
