"""The report's part of the home page: its cover and key findings, beside the headline."""

from django.db.models import F
from django.template.loader import render_to_string

from advocacy.core.home import HomeSection
from advocacy.core.sitecache import frame_memo
from advocacy.core.visibility import public_pages

from .models import ReportPage


def latest_report(home):
    """The newest public report under this home page (so in its language), or None."""
    reports = public_pages(ReportPage.objects.child_of(home))
    return (
        reports.select_related("cover_image")
        .order_by(F("publication_date").desc(nulls_last=True), "-first_published_at", "-pk")
        .first()
    )


def latest_findings(home):
    """(the newest public report, its key findings), or (None, []): two queries."""
    report = latest_report(home)
    return report, list(report.key_findings.all()) if report is not None else []


def report_findings(home, request):
    """What the report found, first thing on the home page; nothing until one is public."""
    # Pages and images only: kept in the worker until one changes (a new frame generation).
    report, key_findings = frame_memo(
        f"home-findings:{home.pk}", lambda: latest_findings(home), request
    )
    if report is None:
        return None
    return HomeSection(
        html=render_to_string(
            "components/reports/home_findings.html",
            {"report": report, "key_findings": key_findings},
            request=request,
        ),
        lead=True,
    )
