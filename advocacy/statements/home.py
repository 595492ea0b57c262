"""The quote desk's part of the home page: the latest published statements."""

from django.template.loader import render_to_string

from advocacy.core.home import HomeSection

from .models import Statement

LATEST = 3


def latest_statements(home, request):
    """The three newest published statements; nothing while none is published."""
    statements = list(
        Statement.objects.published()
        .select_related("speaker")
        .order_by("-date_said", "-pk")[:LATEST]
    )
    if not statements:
        return None
    return HomeSection(
        html=render_to_string(
            "components/statements/home_latest.html", {"statements": statements}, request=request
        )
    )
