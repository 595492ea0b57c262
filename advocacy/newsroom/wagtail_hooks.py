"""The newsroom's admin screens and Wagtail hooks."""
