"""Background work for reports: building the PDF and EPUB readers download, never inside a
request (``reports.downloads``)."""

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.tasks import task

from wagtail.signals import page_published, page_unpublished

from advocacy.core.pagecache import schedule_purge
from advocacy.core.visibility import public_page_or_none

from . import downloads
from .models import ReportChapterPage, ReportPage

logger = logging.getLogger(__name__)


@task()
def build_report_downloads(report_id):
    """Build the public report's PDF and EPUB (or keep them when nothing they show changed);
    forget them when the report is not public any more."""
    report = public_page_or_none(ReportPage.objects.filter(pk=report_id).first())
    if report is None:
        removed = downloads.delete_downloads(report_id)
        return f"not public ({removed} removed)"
    before = {row.kind: row.file_name for row in downloads.downloads_for(report)}
    built = downloads.build_downloads(report)
    after = {kind: row.file_name for kind, row in built.items()}
    if after != before and report.url:
        # The landing and whole-report pages name the files and their sizes.
        schedule_purge(urls=[report.url, report.url + "all/"])
    return "built" if after != before else "unchanged"


def enqueue_build(report_id):
    """Build the report's files in the background once the current transaction commits."""

    def enqueue():
        try:
            build_report_downloads.enqueue(report_id)
        except Exception:  # the queue being down must not fail the editor's publish
            logger.exception("Could not queue the build of report %s's files.", report_id)

    transaction.on_commit(enqueue, robust=True)


def _report_id(instance):
    if isinstance(instance, ReportPage):
        return instance.pk
    if isinstance(instance, ReportChapterPage):
        parent = instance.get_parent()
        return parent.pk if parent is not None else None
    return None


@receiver(page_published, dispatch_uid="reports-downloads-published")
@receiver(page_unpublished, dispatch_uid="reports-downloads-unpublished")
def rebuild_on_publish(sender, instance, **kwargs):
    """A report or chapter published or unpublished: its report's files follow."""
    if not settings.REPORT_DOWNLOADS_ON_PUBLISH:
        return
    report_id = _report_id(instance)
    if report_id is not None:
        enqueue_build(report_id)
