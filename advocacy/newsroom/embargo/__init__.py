"""Embargoed preview links for journalists (models in advocacy.newsroom.models.embargo).

- services: make, revoke and look up a link; what it shows; the embargo time it announces.
- views: the public address /embargo/<token>/.
- admin: the editors' screens and the Wagtail hooks that lead to them.
"""
