"""The quote desk's part of the home page: the latest published statements."""

from django.template.loader import render_to_string

from advocacy.core.home import HomeSection
from advocacy.core.translation import localized

from .models import Statement

LATEST = 3


def latest_statements(home, request):
    """The three newest published statements; nothing while none is published."""
    statements = list(
        localized(Statement.objects.published(), home.locale)
        .select_related("speaker", "locale")
        .order_by("-date_said", "-pk")[:LATEST]
    )
    if not statements:
        return None
    return HomeSection(
        html=render_to_string(
            "components/statements/home_latest.html", {"statements": statements}, request=request
        )
    )
