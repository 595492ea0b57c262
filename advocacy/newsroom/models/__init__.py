"""The newsroom's models, one module per tool."""

from .embargo import EmbargoLink, EmbargoLinkView

__all__ = ["EmbargoLink", "EmbargoLinkView"]
