"""The newsroom's models, one module per tool."""

from .safety import SourceSafetyReviewTask  # noqa: F401
