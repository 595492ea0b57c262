"""The admin list of share boxes: where each leads, and whether it is published."""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from advocacy.core.publication import PublicationStatusFilter

from ..models import ShareBox


class ShareBoxFilterSet(WagtailFilterSet):
    """By publication status (live, draft, scheduled…)."""

    status = PublicationStatusFilter()

    class Meta:
        model = ShareBox
        fields = []


class ShareBoxIndexView(SnippetIndexView):
    """The snippet list, with a link to each published box's public page."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.live:
            buttons.append(
                MenuItem(
                    _("View live"),
                    url=instance.get_absolute_url(),
                    icon_name="link-external",
                    priority=12,
                )
            )
        return buttons


class ShareBoxViewSet(SnippetViewSet):
    """Share / learn-more boxes: a headline, a summary and a button; nobody signs them."""

    model = ShareBox
    icon = "link"
    menu_label = gettext_lazy("Share boxes")
    index_view_class = ShareBoxIndexView
    filterset_class = ShareBoxFilterSet
    list_per_page = 50
    copy_view_enabled = False

    @cached_property
    def list_display(self):
        return [
            "title",
            Column("link_text", label=_("Button")),
            LiveStatusTagColumn(label=_("Publication")),
        ]

    def get_queryset(self, request):
        return ShareBox.objects.select_related("link_page")
