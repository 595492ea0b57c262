from .chapter import ReportChapterPage
from .download import ReportDownload
from .press import PressReleaseIndexPage, PressReleasePage
from .report import KeyFinding, ReportCountry, ReportPage

__all__ = [
    "KeyFinding",
    "PressReleaseIndexPage",
    "PressReleasePage",
    "ReportChapterPage",
    "ReportCountry",
    "ReportDownload",
    "ReportPage",
]
