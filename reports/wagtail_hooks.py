"""What reports offers the layers below it: a demo step, the report PDFs for the press kit, and
the home page's lead (the newest report's cover and findings)."""

from wagtail import hooks

from advocacy.core.home import HOME_SECTIONS_HOOK
from advocacy.core.visibility import public_document_or_none, public_pages
from advocacy.people.presskit import PressKitEntry

from . import demo, home
from .models import ReportPage

hooks.register("build_demo_content", demo.build_step, order=300)
hooks.register(HOME_SECTIONS_HOOK, home.report_findings, order=100)


@hooks.register("register_press_kit_entries")
def report_pdfs(press_page):
    """Every public report in the press page's language, with its PDF while that is public."""
    reports = public_pages(ReportPage.objects.filter(locale_id=press_page.locale_id))
    return [
        PressKitEntry(
            page=report, title=report.full_title, document=public_document_or_none(report.pdf)
        )
        for report in reports.select_related("pdf").order_by("path")
    ]
