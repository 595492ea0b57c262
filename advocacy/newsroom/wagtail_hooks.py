"""The newsroom's admin screens and Wagtail hooks."""

from .embargo import admin as embargo_admin

embargo_admin.register()
