"""The newsroom's models, one module per tool."""

from .bundle import ReleaseBundle, ReleaseBundleItem
from .embargo import EmbargoLink, EmbargoLinkView
from .presskit import PressKit
from .safety import SourceSafetyReviewTask

__all__ = [
    "EmbargoLink",
    "EmbargoLinkView",
    "PressKit",
    "ReleaseBundle",
    "ReleaseBundleItem",
    "SourceSafetyReviewTask",
]
