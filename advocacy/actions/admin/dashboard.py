"""The admin dashboard panel: signatures confirmed today and this week, per action."""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from .. import queries


class SignaturesDashboardPanel(Component):
    """Confirmed today / this week / in all, for each petition and pledge."""

    name = "actions_signatures"
    template_name = "actions/admin/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        rows = queries.confirmed_recently()
        for row in rows:
            row.url = reverse(
                row.call_to_action.snippet_viewset.get_url_name("edit"),
                args=[row.call_to_action.pk],
            )
        context["rows"] = rows
        return context
