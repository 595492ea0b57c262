from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

from .models import CallToAction
from .panels import SignaturesDashboardPanel
from .viewsets import CallsToActionGroup

register_snippet(CallsToActionGroup)


@hooks.register("construct_homepage_panels")
def add_signatures_panel(request, panels):
    policy = policy_registry.get_by_type(CallToAction)
    if policy.user_has_any_permission(request.user, ["add", "change", "delete"]):
        panels.append(SignaturesDashboardPanel())


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "actions.close_early", _("Close early"), _("Closed early: no more signatures")
    )
    actions.register_action(
        "actions.erase_signer", _("Erase a signer"), _("Signatures erased on request")
    )
