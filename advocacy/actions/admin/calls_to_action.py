"""The admin list of petitions and pledges: counts, closing early, deleting only the unsigned.

Calls to action use the usual snippet permissions (add / change / delete).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import (
    Column,
    LiveStatusTagColumn,
    NumberColumn,
    StatusTagColumn,
)
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from advocacy.core.publication import PublicationStatusFilter

from .. import services
from ..models import CallToAction, confirmation_window


class CallToActionFilterSet(WagtailFilterSet):
    """By kind (petition or pledge) and publication status (live, draft, scheduled…)."""

    status = PublicationStatusFilter(label=gettext_lazy("Publication"))

    class Meta:
        model = CallToAction
        fields = ["kind"]


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
        if user.has_perm("actions.view_signature"):
            buttons.append(
                MenuItem(
                    _("Signatures"),
                    url=reverse("signatures:index") + f"?call_to_action={instance.pk}",
                    icon_name="list-ul",
                    priority=5,
                )
            )
        if instance.status != "closed" and self.user_has_permission("change"):
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
    """Petitions and pledges: the list with their signing state, counts and publication."""

    model = CallToAction
    icon = "pick"
    menu_label = gettext_lazy("Calls to action")
    index_view_class = CallToActionIndexView
    delete_view_class = CallToActionDeleteView
    delete_template_name = "actions/admin/confirm_delete.html"
    filterset_class = CallToActionFilterSet
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
