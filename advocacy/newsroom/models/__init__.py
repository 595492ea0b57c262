"""The newsroom's models, one module per tool."""

from .embargo import EmbargoLink, EmbargoLinkView
from .presskit import PressKit

__all__ = ["EmbargoLink", "EmbargoLinkView", "PressKit"]
