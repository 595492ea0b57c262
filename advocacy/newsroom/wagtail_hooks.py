"""The newsroom's admin screens and Wagtail hooks."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from advocacy.people.presskit import PRESS_KIT_ARCHIVE_HOOK

from . import safety_admin, safety_demo  # noqa: F401  (safety_admin registers its hooks)
from .embargo import admin as embargo_admin
from .presskit import demo as presskit_demo
from .presskit.views import offer_archive
from .views.bundles import release_bundle_viewset

embargo_admin.register()

# The press kit: the zip on the press page, and built by the demo.
hooks.register(PRESS_KIT_ARCHIVE_HOOK, offer_archive)
# After every step that adds pages (people's press page is 450), then the press kit (510).
hooks.register("build_demo_content", safety_demo.build_step, order=500)
hooks.register("build_demo_content", presskit_demo.build_step, order=presskit_demo.DEMO_ORDER)


@hooks.register("register_admin_viewset")
def register_release_bundles():
    return release_bundle_viewset


@hooks.register("register_log_actions")
def register_bundle_log_actions(actions):
    actions.register_action(
        "newsroom.bundle.schedule", _("Schedule bundle"), _("Bundle scheduled for its embargo time")
    )
    actions.register_action(
        "newsroom.bundle.unschedule", _("Unschedule bundle"), _("Bundle unscheduled, back to draft")
    )
    actions.register_action(
        "newsroom.bundle.cancel", _("Cancel bundle"), _("Bundle cancelled: nothing in it goes live")
    )
    actions.register_action(
        "newsroom.bundle.release", _("Release bundle"), _("Every item in the bundle went live")
    )
    actions.register_action("newsroom.bundle.add_item")(BundleItemAdded)
    actions.register_action("newsroom.bundle.remove_item")(BundleItemRemoved)


class BundleItemAdded(LogFormatter):
    label = _("Add to bundle")

    def format_message(self, log_entry):
        return _("Added %(item)s") % {"item": log_entry.data.get("item", "?")}


class BundleItemRemoved(LogFormatter):
    label = _("Take out of bundle")

    def format_message(self, log_entry):
        return _("Took out %(item)s") % {"item": log_entry.data.get("item", "?")}
