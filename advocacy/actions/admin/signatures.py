"""The admin list of signatures and its CSV export.

Only users with "Can view signature" (actions.view_signature), given to a group on
purpose, see the list; exporting it also needs "Can export signatures to CSV". Every
export is logged: who, how many, which call to action; never whose signatures.
"""

import csv
import logging

import django_filters
from django_countries import countries

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, StreamingHttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from .. import queries
from ..models import CallToAction, Signature

audit_logger = logging.getLogger("advocacy.audit")


class SignatureFilterSet(WagtailFilterSet):
    call_to_action = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Call to action"),
        queryset=CallToAction.objects.all(),
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("State"),
        choices=Signature.State.choices,
        method="filter_state",
        empty_label=gettext_lazy("Any"),
    )
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"), choices=lambda: list(countries)
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Signed between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Signature
        fields = []

    def filter_state(self, queryset, name, value):
        if value == Signature.State.CONFIRMED:
            return queryset.confirmed()
        if value == Signature.State.PENDING:
            return queryset.pending()
        if value == Signature.State.EXPIRED:
            return queryset.expired()
        return queryset


class SignatureIndexView(IndexView):
    """Signatures, filterable; CSV export for those allowed to export."""

    any_permission_required = ["view"]
    export_filename = "signatures"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("call_to_action")

    @cached_property
    def can_export(self):
        return self.request.user.has_perm("actions.export_signature")

    @cached_property
    def show_export_buttons(self):
        return self.can_export

    @cached_property
    def header_more_buttons(self):
        buttons = []
        if self.can_export:
            buttons.append(
                HeaderButton(
                    _("Download CSV"), url=self.csv_export_url, icon_name="download", priority=10
                )
            )
        if self.request.user.has_perm("actions.delete_signature"):
            buttons.append(
                HeaderButton(
                    _("Erase a signer"),
                    url=reverse("erase-signer:index"),
                    icon_name="bin",
                    priority=20,
                )
            )
        return buttons

    def get_header_more_buttons(self):
        return []

    def get_header_buttons(self):
        return sorted(self.header_more_buttons)

    def get_edit_url(self, instance):
        return None

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.can_export:
            raise PermissionDenied
        if spreadsheet_format != self.FORMAT_CSV:
            raise Http404
        record_export(self.request.user, queryset)
        writer = csv.writer(_Echo())
        rows = (writer.writerow(row) for row in queries.export_rows(queryset))
        response = StreamingHttpResponse(_with_bom(rows), content_type="text/csv; charset=utf-8")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="signatures-{stamp}.csv"'
        response["Cache-Control"] = "no-store"
        return response


def record_export(user, queryset):
    """Who exported how many signatures of which call to action: Wagtail's audit log (Reports
    > Site history) and the "advocacy.audit" log. Never whose signatures they were."""
    per_action = dict(queryset.order_by().values_list("call_to_action").annotate(rows=Count("pk")))
    total = sum(per_action.values())
    actions = CallToAction.objects.filter(pk__in=per_action).order_by("pk")
    for action in actions:
        log(
            action,
            "actions.export_signatures",
            user=user,
            data={"rows": per_action[action.pk], "export_rows": total},
        )
    audit_logger.info(
        "Signatures exported to CSV by user %s: %s row(s) of call(s) to action %s.",
        user.pk,
        total,
        ", ".join(str(action.pk) for action in actions) or "none",
    )


class _Echo:
    """A file-like object whose write() returns what it is given, for streaming CSV."""

    def write(self, value):
        return value


def _with_bom(rows):
    # Spreadsheet programs read the file as UTF-8 (Cyrillic, Armenian names) with a BOM.
    yield "\ufeff"
    yield from rows


class SignatureViewSet(ModelViewSet):
    model = Signature
    name = "signatures"
    icon = "list-ul"
    menu_label = gettext_lazy("Signatures")
    index_view_class = SignatureIndexView
    index_results_template_name = "actions/admin/signature_index_results.html"
    filterset_class = SignatureFilterSet
    search_fields = ["name", "email", "organisation"]
    list_per_page = 50
    add_to_reference_index = False
    copy_view_enabled = False
    list_export = [key for key, _label in queries.EXPORT_COLUMNS]

    @cached_property
    def list_display(self):
        return [
            Column("name", label=_("Name")),
            Column("email", label=_("Email")),
            Column("call_to_action", label=_("Call to action")),
            Column("organisation", label=_("Organisation")),
            Column("country.name", label=_("Country"), sort_key="country"),
            StatusTagColumn(
                "get_state_display",
                label=_("State"),
                primary=lambda signature: signature.confirmed_at is not None,
            ),
            DateColumn("created_at", label=_("Signed"), sort_key="created_at"),
            DateColumn("confirmed_at", label=_("Confirmed"), sort_key="confirmed_at"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        # Signatures are what people submitted: nobody adds or edits them here.
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "edit_url_name": None,
            "delete_url_name": None,
            "copy_url_name": None,
            "history_url_name": None,
            "usage_url_name": None,
        }

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(Signature)
        return Permission.objects.filter(
            content_type=content_type,
            codename__in=["view_signature", "export_signature", "delete_signature"],
        )
