from .chapter import ReportChapterPage
from .press import PressReleaseIndexPage, PressReleasePage
from .report import KeyFinding, Recommendation, ReportCountry, ReportPage

__all__ = [
    "KeyFinding",
    "PressReleaseIndexPage",
    "PressReleasePage",
    "Recommendation",
    "ReportChapterPage",
    "ReportCountry",
    "ReportPage",
]
