"""The admin for calls to action: the list with counts, the signatures, closing, erasing.

Who sees what:
* calls to action: the usual snippet permissions (add / change / delete);
* the signature list: only users with "Can view signature" (actions.view_signature), given
  to a group on purpose; exporting it also needs "Can export signatures to CSV";
* erasing a signer: "Can delete signature".
"""

import csv
import logging

import django_filters
from django_countries import countries

from django import forms
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import (
    Column,
    DateColumn,
    LiveStatusTagColumn,
    NumberColumn,
    StatusTagColumn,
)
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import services
from .models import CallToAction, Signature, confirmation_window

logger = logging.getLogger(__name__)
audit_logger = logging.getLogger("advocacy.audit")


# ---------------------------------------------------------------- calls to action


class CallToActionIndexView(SnippetIndexView):
    """The snippet list, with links to each action's signatures and to close it early."""

    close_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        user = self.request.user
        if instance.live:
            buttons.append(
                MenuItem(
                    _("View live"),
                    url=instance.get_absolute_url(),
                    icon_name="link-external",
                    priority=12,
                )
            )
        if instance.is_signable_kind and user.has_perm("actions.view_signature"):
            buttons.append(
                MenuItem(
                    _("Signatures"),
                    url=reverse("signatures:index") + f"?call_to_action={instance.pk}",
                    icon_name="list-ul",
                    priority=5,
                )
            )
        if (
            instance.is_signable_kind
            and instance.status != "closed"
            and self.user_has_permission("change")
        ):
            buttons.append(
                MenuItem(
                    _("Close early"),
                    url=reverse(self.close_url_name, args=[instance.pk]),
                    icon_name="lock",
                    priority=15,
                )
            )
        return buttons


class CallToActionDeleteView(SnippetDeleteView):
    """Deletes only an action nobody has signed: no signature is lost by deleting."""

    @cached_property
    def signature_count(self):
        return self.object.signatures.count()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["signature_count"] = self.signature_count
        if self.signature_count:
            context["is_protected"] = True
        return context

    def form_valid(self, form):
        if self.signature_count:
            messages.error(self.request, signed_action_message(self.object))
            return redirect(self.get_success_url())
        return super().form_valid(form)


def signed_action_message(action):
    return _(
        "“%(title)s” has signatures, so it cannot be deleted: close it instead. Signers are"
        " erased on request, and old signatures anonymised, under Calls to action."
    ) % {"title": action.title}


class CallToActionViewSet(SnippetViewSet):
    model = CallToAction
    icon = "pick"
    menu_label = gettext_lazy("Calls to action")
    index_view_class = CallToActionIndexView
    delete_view_class = CallToActionDeleteView
    delete_template_name = "actions/admin/confirm_delete.html"
    list_filter = ["kind"]
    list_per_page = 50
    copy_view_enabled = False

    @cached_property
    def list_display(self):
        return [
            "title",
            Column("kind_label", label=_("Kind"), sort_key="kind"),
            # Two states an editor must not confuse: taking signatures (open / scheduled /
            # closed) and publication (live / draft / scheduled), Wagtail's own column.
            StatusTagColumn(
                "get_status_display",
                label=_("Signatures"),
                primary=lambda action: action.status == "open",
            ),
            NumberColumn("confirmed_count", label=_("Confirmed"), sort_key="confirmed_count"),
            NumberColumn(
                "pending_count", label=_("Awaiting confirmation"), sort_key="pending_count"
            ),
            NumberColumn("goal", label=_("Goal"), sort_key="goal"),
            LiveStatusTagColumn(label=_("Publication")),
        ]

    def get_queryset(self, request):
        cutoff = timezone.now() - confirmation_window()
        return CallToAction.objects.annotate(
            pending_count=Count(
                "signatures",
                filter=Q(signatures__confirmed_at__isnull=True, signatures__created_at__gte=cutoff),
            )
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(close_url_name=self.get_url_name("close"), **kwargs)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("close/<int:pk>/", CloseEarlyView.as_view(), name="close"),
        ]


class CloseEarlyView(WagtailAdminTemplateMixin, TemplateView):
    """Ask, then stop a petition or pledge taking signatures now."""

    template_name = "actions/admin/close_early.html"
    header_icon = "lock"

    def dispatch(self, request, pk):
        if not request.user.has_perm("actions.change_calltoaction"):
            raise PermissionDenied
        self.object = get_object_or_404(CallToAction, pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Close early")

    def get_page_subtitle(self):
        return self.object.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(CallToAction.snippet_viewset.get_url_name("list")),
                "label": _("Calls to action"),
            },
            {"url": "", "label": self.object.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["list_url"] = reverse(CallToAction.snippet_viewset.get_url_name("list"))
        return context

    def post(self, request, pk):
        if services.close_early(self.object):
            log(self.object, "actions.close_early", user=request.user)
            messages.success(
                request,
                _("“%(title)s” is closed: it takes no more signatures.")
                % {"title": self.object.title},
            )
        else:
            messages.warning(request, _("“%(title)s” was not open.") % {"title": self.object.title})
        return redirect(CallToAction.snippet_viewset.get_url_name("list"))


# ---------------------------------------------------------------- signatures


class SignatureFilterSet(WagtailFilterSet):
    call_to_action = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Call to action"),
        queryset=CallToAction.objects.exclude(kind=CallToAction.Kind.SHARE),
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
        rows = (writer.writerow(row) for row in services.export_rows(queryset))
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
    list_export = [key for key, _label in services.EXPORT_COLUMNS]

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


# ---------------------------------------------------------------- erasure


class EraseSignerForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        max_length=254,
        help_text=gettext_lazy(
            "The address of the person who asked. Every signature it made, on every call to"
            " action, is deleted; confirmed ones leave the counts."
        ),
    )


class EraseSignerView(WagtailAdminTemplateMixin, FormView):
    """Find every signature of an address, then erase them all (on the signer's request)."""

    template_name = "actions/admin/erase_signer.html"
    form_class = EraseSignerForm
    page_title = gettext_lazy("Erase a signer")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("actions.delete_signature"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if "erase" not in self.request.POST:
            return self.render_to_response(
                self.get_context_data(
                    form=form, found=services.find_signer(email), searched=True, email=email
                )
            )
        result = services.erase_signer(email)
        # The audit log says who erased how many, never whose signature it was.
        for action in CallToAction.objects.filter(pk__in=result.by_call_to_action):
            log(
                action,
                "actions.erase_signer",
                user=self.request.user,
                data={"erased": result.by_call_to_action[action.pk]},
            )
        if result.erased:
            messages.success(
                self.request,
                _("Erased %(count)s signature(s) of that address.") % {"count": result.erased},
            )
        else:
            messages.warning(self.request, _("No signature uses that address."))
        return redirect("erase-signer:index")


class EraseSignerViewSet(ViewSet):
    name = "erase-signer"
    icon = "bin"
    menu_label = gettext_lazy("Erase a signer")

    def get_urlpatterns(self):
        return [path("", EraseSignerView.as_view(), name="index")]

    @cached_property
    def menu_item_class(self):
        class EraseSignerMenuItem(AdminMenuItem):
            def is_shown(self, request):
                return request.user.has_perm("actions.delete_signature")

        return EraseSignerMenuItem


class CallsToActionGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Calls to action")
    menu_icon = "pick"
    menu_order = 250
    items = (CallToActionViewSet, SignatureViewSet, EraseSignerViewSet)
