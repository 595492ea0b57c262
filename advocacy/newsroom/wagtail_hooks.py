"""The newsroom's admin screens and Wagtail hooks."""

from wagtail import hooks

from advocacy.people.presskit import PRESS_KIT_ARCHIVE_HOOK

from .embargo import admin as embargo_admin
from .presskit import demo as presskit_demo
from .presskit.views import offer_archive

embargo_admin.register()

# The press kit: the zip on the press page, and built by the demo.
hooks.register(PRESS_KIT_ARCHIVE_HOOK, offer_archive)
hooks.register("build_demo_content", presskit_demo.build_step, order=presskit_demo.DEMO_ORDER)
