"""The newsroom's admin screens and Wagtail hooks."""

from wagtail import hooks

from . import safety_admin, safety_demo  # noqa: F401  (safety_admin registers its hooks)

# After every step that adds pages (people's press page is 450).
hooks.register("build_demo_content", safety_demo.build_step, order=500)
