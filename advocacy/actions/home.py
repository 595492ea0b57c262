"""The actions app's part of the home page: the newest call to action open for signatures."""

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from advocacy.core.home import HomeSection
from advocacy.core.translation import localized

from .models import CallToAction


def open_call_to_action(home, request):
    """The newest published call to action that takes signatures now; nothing otherwise
    (a scheduled or closed one asks nothing of a reader today)."""
    now = timezone.now()
    action = (
        localized(CallToAction.objects.published(), home.locale)
        .filter(closed_early_at__isnull=True)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))
        .order_by("-created_at", "-pk")
        .first()
    )
    if action is None:
        return None
    return HomeSection(
        html=render_to_string(
            "components/actions/home_action.html", {"call_to_action": action}, request=request
        )
    )
