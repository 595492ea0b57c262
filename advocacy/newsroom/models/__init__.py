"""The newsroom's models, one module per tool."""

from .bundle import ReleaseBundle, ReleaseBundleItem

__all__ = ["ReleaseBundle", "ReleaseBundleItem"]
