from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Site-wide content: home page, standard pages, site settings, the site frame."""

    name = "advocacy.core"
    label = "core"
    verbose_name = "Site"
