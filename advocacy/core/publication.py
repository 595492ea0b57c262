"""The admin's filter by publication status, for snippets with drafts and scheduling.

Wagtail 8 gives snippet listings the status column (``LiveStatusTagColumn``: live, draft,
scheduled, live + draft, expired, from ``DraftStateMixin.status_string``) but its only
filter is the ``live`` yes/no, under which a scheduled statement and a forgotten draft look
the same. This filter offers the column's own states; statements, calls to action and share
boxes use it.
"""

import django_filters

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from wagtail.models import Revision


def scheduled_q(model):
    """Rows with a revision approved to go live later ("Schedule to publish")."""
    return Exists(
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), CharField()),
            approved_go_live_at__isnull=False,
        )
    )


class PublicationStatusFilter(django_filters.ChoiceFilter):
    """Live / Live + draft / Scheduled / Draft / Expired, as the status column reads."""

    STATES = {
        "live": _("Live"),
        "live_draft": _("Live + draft"),
        "scheduled": _("Scheduled"),
        "draft": _("Draft"),
        "expired": _("Expired"),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Status"))
        kwargs.setdefault("choices", list(self.STATES.items()))
        kwargs.setdefault("empty_label", _("Any status"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if not value:
            return queryset
        scheduled = scheduled_q(queryset.model)
        if value == "scheduled":
            return queryset.filter(scheduled)
        queryset = queryset.exclude(scheduled)
        return {
            "live": lambda: queryset.filter(live=True, has_unpublished_changes=False),
            "live_draft": lambda: queryset.filter(live=True, has_unpublished_changes=True),
            "draft": lambda: queryset.filter(live=False, expired=False),
            "expired": lambda: queryset.filter(live=False, expired=True),
        }[value]()
