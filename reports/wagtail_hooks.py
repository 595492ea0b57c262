"""What reports offers the layers below it: a demo step, and the report PDFs for the press kit."""

from wagtail import hooks

from advocacy.core.visibility import public_document_or_none, public_pages
from advocacy.people.presskit import PressKitEntry

from . import demo
from .models import ReportPage

hooks.register("build_demo_content", demo.build_step, order=300)


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
