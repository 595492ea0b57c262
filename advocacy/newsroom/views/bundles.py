"""The "Release bundles" admin screens: the list, a bundle's name and embargo time, and the
bundle screen where items are added, the checklist is read, and the launch is scheduled or
cancelled. The rules themselves live in advocacy.newsroom.bundles."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateTimeInput, AdminPageChooser
from wagtail.models import Page
from wagtail.snippets.widgets import AdminSnippetChooser

from advocacy.actions.models import CallToAction
from advocacy.statements.models import Statement

from .. import bundles
from ..models import ReleaseBundle, ReleaseBundleItem

# Ids arrive from the address bar: anything past a 64-bit key is simply not found.
MAX_ID = 2**63 - 1


def get_bundle(pk):
    if pk > MAX_ID:
        raise Http404
    return get_object_or_404(ReleaseBundle, pk=pk)


class ReleaseBundleForm(WagtailAdminModelForm):
    """Name, embargo time, notes; the embargo time must lie ahead."""

    class Meta:
        model = ReleaseBundle
        fields = ["name", "embargo_at", "notes"]
        widgets = {"embargo_at": AdminDateTimeInput}

    def clean_embargo_at(self):
        embargo_at = self.cleaned_data["embargo_at"]
        if embargo_at is not None and embargo_at <= timezone.now():
            raise forms.ValidationError(
                _("The embargo time has passed: give a time in the future.")
            )
        return embargo_at


class AddItemsForm(forms.Form):
    """Choose what goes in the bundle: a page (with its chapters, for a report), a statement,
    a call to action; any one or several at once."""

    page = forms.ModelChoiceField(
        queryset=Page.objects.all(),
        required=False,
        label=gettext_lazy("Page"),
        help_text=gettext_lazy("The report, one of its chapters, or the press release."),
        widget=AdminPageChooser(target_models=bundles.BUNDLE_PAGE_TYPES),
    )
    with_chapters = forms.BooleanField(
        required=False,
        initial=True,
        label=gettext_lazy("For a report: add all its chapters that are not live yet"),
    )
    statement = forms.ModelChoiceField(
        queryset=Statement.objects.all(),
        required=False,
        label=gettext_lazy("Statement"),
        widget=AdminSnippetChooser(Statement),
    )
    call_to_action = forms.ModelChoiceField(
        queryset=CallToAction.objects.all(),
        required=False,
        label=gettext_lazy("Call to action"),
        widget=AdminSnippetChooser(CallToAction),
    )

    choosers = ("page", "statement", "call_to_action")

    def __init__(self, data=None, *args, **kwargs):
        # A chooser re-renders the chosen object from its id: an id that is no number (or
        # past 64 bits) is taken out before it gets there, and answered with an error.
        self.unreadable = set()
        if data is not None:
            data = data.copy()
            for name in self.choosers:
                value = data.get(name, "")
                if value and not (value.isascii() and value.isdigit() and int(value) <= MAX_ID):
                    data[name] = ""
                    self.unreadable.add(name)
        super().__init__(data, *args, **kwargs)

    def clean(self):
        for name in self.unreadable:
            self.add_error(name, _("Choose from the list."))
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(name) for name in self.choosers):
            raise forms.ValidationError(_("Choose a page, a statement or a call to action."))
        page = cleaned.get("page")
        if page is not None and not issubclass(page.specific_class, bundles.BUNDLE_PAGE_TYPES):
            self.add_error("page", _("Choose a report, a chapter or a press release."))
        return cleaned


class ScheduleForm(forms.Form):
    accept_warnings = forms.BooleanField(
        required=False,
        label=gettext_lazy("I have read the warnings: schedule the launch anyway"),
    )


class BundlePermissionMixin:
    """Reading a bundle needs "view" or "change"; changing it needs "change"."""

    needs = "change"

    def dispatch(self, request, *args, **kwargs):
        perms = ["newsroom.change_releasebundle"]
        if self.needs == "view":
            perms.append("newsroom.view_releasebundle")
        if not any(request.user.has_perm(perm) for perm in perms):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BundleView(BundlePermissionMixin, generic.WagtailAdminTemplateMixin, TemplateView):
    """The bundle screen: its items, the checklist, schedule and cancel."""

    template_name = "newsroom/admin/release_bundle.html"
    header_icon = "calendar-alt"
    needs = "view"
    add_form = None

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.bundle = get_bundle(pk)

    def get_page_title(self):
        return self.bundle.name

    def get_page_subtitle(self):
        return _("Release bundle")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("release-bundles:index"), "label": _("Release bundles")},
            {"url": "", "label": self.bundle.name},
        ]

    def post(self, request, *args, **kwargs):
        """Adding items: the form re-shown with its errors, or the items added."""
        if not request.user.has_perm("newsroom.change_releasebundle"):
            raise PermissionDenied
        form = AddItemsForm(request.POST)
        if not form.is_valid():
            self.add_form = form
            return self.render_to_response(self.get_context_data(), status=400)
        data = form.cleaned_data
        refused = []
        added = 0
        for name in ("page", "statement", "call_to_action"):
            target = data.get(name)
            if target is None:
                continue
            try:
                if (
                    name == "page"
                    and data["with_chapters"]
                    and target.specific_class is bundles.ReportPage
                ):
                    items, more = bundles.add_report_with_chapters(
                        self.bundle, target, user=request.user
                    )
                    added += len(items)
                    refused.extend(more)
                else:
                    bundles.add_item(self.bundle, target, user=request.user)
                    added += 1
            except bundles.BundleRefused as refusal:
                refused.extend(refusal.messages)
        if added:
            messages.success(request, _("Added %(count)s item(s).") % {"count": added})
        for message in refused:
            messages.error(request, message)
        if refused and not added:
            self.add_form = form
            return self.render_to_response(self.get_context_data(), status=400)
        return redirect("release-bundles:bundle", pk=self.bundle.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        items = bundles.bundle_items(self.bundle)
        urls = AdminURLFinder(user)
        rows = [
            {
                "item": item,
                "label": bundles.label(item.target),
                "kind": item.kind_label,
                "title": str(item.target)
                if not item.page_id
                else item.target.get_admin_display_title(),
                "status": item.target.status_string,
                "live": item.target.live,
                "edit_url": urls.get_edit_url(item.target),
            }
            for item in items
        ]
        checks = bundles.checklist(self.bundle, user)
        can_change = user.has_perm("newsroom.change_releasebundle")
        context.update(
            {
                "bundle": self.bundle,
                "rows": rows,
                "blocking": [check for check in checks if check.blocking],
                "warnings": [check for check in checks if not check.blocking],
                "can_change": can_change,
                "add_form": self.add_form or AddItemsForm(),
                "schedule_form": ScheduleForm(),
                "embargo_utc": self.bundle.embargo_at.astimezone(datetime.UTC),
                "show_utc": timezone.localtime(self.bundle.embargo_at).utcoffset()
                != datetime.timedelta(0),
            }
        )
        context["media"] = context["add_form"].media
        return context


class BundleActionView(BundlePermissionMixin, View):
    """POST only: schedule, unschedule (back to draft), cancel, remove an item."""

    http_method_names = ["post"]
    action = None

    def post(self, request, pk, item_pk=None):
        bundle = get_bundle(pk)
        try:
            if self.action == "schedule":
                form = ScheduleForm(request.POST)
                form.is_valid()
                bundles.schedule(
                    bundle, request.user, accept_warnings=form.cleaned_data["accept_warnings"]
                )
                messages.success(
                    request,
                    _("Scheduled: %(count)s item(s) go live together at %(time)s.")
                    % {
                        "count": bundle.items.count(),
                        "time": bundles.local_time(bundle.embargo_at),
                    },
                )
            elif self.action in ("cancel", "unschedule"):
                bundles.cancel(bundle, request.user, back_to_draft=self.action == "unschedule")
                messages.success(
                    request,
                    _("Unscheduled: the bundle is a draft again; nothing in it will go live.")
                    if self.action == "unschedule"
                    else _("Cancelled: nothing in the bundle will go live; the content is kept."),
                )
            elif self.action == "remove":
                if item_pk > MAX_ID:
                    raise Http404
                item = get_object_or_404(ReleaseBundleItem, pk=item_pk, bundle=bundle)
                bundles.remove_item(bundle, item, user=request.user)
                messages.success(request, _("Taken out of the bundle."))
        except bundles.BundleRefused as refusal:
            for message in refusal.messages:
                messages.error(request, message)
        return redirect("release-bundles:bundle", pk=bundle.pk)


class BundleIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(item_count=Count("items"))

    def get_edit_url(self, instance):
        return reverse("release-bundles:bundle", args=[instance.pk])


class BundleCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        return instance

    def get_success_url(self):
        return reverse("release-bundles:bundle", args=[self.object.pk])

    def get_success_message(self, instance):
        return _("Bundle “%(name)s” created: now add what goes live in it.") % {
            "name": instance.name
        }


class BundleEditView(generic.EditView):
    def get_object(self, queryset=None):
        bundle = super().get_object(queryset)
        if not bundle.is_editable:
            raise PermissionDenied
        return bundle

    def get_success_url(self):
        return reverse("release-bundles:bundle", args=[self.object.pk])


class BundleDeleteView(generic.DeleteView):
    def get_object(self, queryset=None):
        bundle = super().get_object(queryset)
        if bundle.status == ReleaseBundle.Status.SCHEDULED:
            # Deleting it would leave its items scheduled with nothing to cancel them by.
            raise PermissionDenied
        return bundle


class ReleaseBundleViewSet(ModelViewSet):
    model = ReleaseBundle
    name = "release-bundles"
    icon = "calendar-alt"
    menu_label = gettext_lazy("Release bundles")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = BundleIndexView
    add_view_class = BundleCreateView
    edit_view_class = BundleEditView
    delete_view_class = BundleDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = ["name"]

    def get_form_class(self, for_update=False):
        return ReleaseBundleForm

    @cached_property
    def list_display(self):
        return [
            TitleColumn(
                "name",
                label=_("Name"),
                get_url=lambda bundle: reverse("release-bundles:bundle", args=[bundle.pk]),
            ),
            DateColumn("embargo_at", label=_("Embargo ends"), sort_key="embargo_at"),
            StatusTagColumn(
                "get_status_display",
                label=_("Status"),
                primary=lambda bundle: bundle.status == ReleaseBundle.Status.SCHEDULED,
            ),
            Column("item_count", label=_("Items")),
        ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/", BundleView.as_view(), name="bundle"),
            path(
                "<int:pk>/schedule/",
                BundleActionView.as_view(action="schedule"),
                name="schedule",
            ),
            path(
                "<int:pk>/unschedule/",
                BundleActionView.as_view(action="unschedule"),
                name="unschedule",
            ),
            path("<int:pk>/cancel/", BundleActionView.as_view(action="cancel"), name="cancel"),
            path(
                "<int:pk>/items/<int:item_pk>/remove/",
                BundleActionView.as_view(action="remove"),
                name="remove_item",
            ),
        ]


release_bundle_viewset = ReleaseBundleViewSet()
