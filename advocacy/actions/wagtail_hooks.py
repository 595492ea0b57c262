from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import LogFormatter
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

from advocacy.core.home import HOME_SECTIONS_HOOK
from advocacy.core.listings import listing_url
from advocacy.core.pagecache import PURGE_URLS_HOOK

from . import demo, home
from .admin import CallsToActionGroup
from .admin.calls_to_action import signed_action_message
from .admin.dashboard import SignaturesDashboardPanel
from .models import CallToAction, ShareBox

register_snippet(CallsToActionGroup)
hooks.register(HOME_SECTIONS_HOOK, home.open_call_to_action, order=300)


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
    actions.register_action("actions.export_signatures")(SignaturesExported)


class SignaturesExported(LogFormatter):
    """An export of signatures to CSV, in the audit log: how many rows, never whose."""

    label = _("Export signatures")

    def format_message(self, log_entry):
        return _("Exported %(rows)s signature(s) to CSV (%(total)s in the file)") % {
            "rows": log_entry.data.get("rows", "?"),
            "total": log_entry.data.get("export_rows", "?"),
        }


@hooks.register("before_bulk_action")
def refuse_to_delete_signed_actions(request, action_type, objects, action_class_instance):
    """Bulk delete follows the same rule as the delete view: signed actions stay."""
    if action_type != "delete":
        return None
    for action in objects:
        if isinstance(action, CallToAction) and action.signatures.exists():
            messages.error(request, signed_action_message(action))
            return redirect(CallToAction.snippet_viewset.get_url_name("list"))
    return None


# Before the report's step (order 300), which places these actions in the press release
# and the recommendations chapter: lower layers first.
@hooks.register("build_demo_content", order=250)
def build_demo_actions(demo_site):
    demo_site.place_in_menu(demo.MENU_POSITION, demo.build_index_page(demo_site.home))
    demo.build()


@hooks.register(PURGE_URLS_HOOK)
def action_addresses(obj):
    """A call to action or share box: its page, its "check your email" page and /act/.
    (Signature counts are not purged: pages showing one are cached 30 s at most.)"""
    if not isinstance(obj, CallToAction | ShareBox):
        return []
    return [
        listing_url("actions:index"),
        listing_url("actions:detail", obj.slug),
        listing_url("actions:check_email", obj.slug),
    ]
