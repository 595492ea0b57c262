"""What reports offers the layers below it: a demo step, the report PDFs for the press kit, and
the home page's lead (the newest report's cover and findings)."""

from wagtail import hooks

from advocacy.core.home import HOME_SECTIONS_HOOK
from advocacy.core.pagecache import PURGE_URLS_HOOK
from advocacy.core.visibility import public_document_or_none, public_pages
from advocacy.people.presskit import PressKitEntry

from . import demo, home
from .models import PressReleaseIndexPage, PressReleasePage, ReportChapterPage, ReportPage

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


@hooks.register(PURGE_URLS_HOOK)
def report_addresses(obj):
    """A report, chapter or press release: the whole-report page (every chapter on one
    page), the press releases' feed, and the report a release is about."""
    urls = []
    report = None
    if isinstance(obj, ReportPage):
        report = obj
    elif isinstance(obj, ReportChapterPage):
        report = obj.get_parent()
    elif isinstance(obj, PressReleasePage):
        report = obj.report
        index = obj.get_parent()
        if index is not None and index.url:
            urls.append(index.url + "feed/")
    elif isinstance(obj, PressReleaseIndexPage) and obj.url:
        urls.append(obj.url + "feed/")
    if report is not None and report.url:
        urls += [report.url, report.url + "all/"]
    return urls
