"""The newsroom's models, one module per tool."""

from .presskit import PressKit

__all__ = ["PressKit"]
