"""The report as files readers keep: a PDF and an EPUB per report page (so one per language
when the report is translated), built in the background when the report or a chapter is
published (``reports.tasks``), never inside a request.

Files are kept in the private ``report_downloads`` storage under a name carrying the first
characters of their SHA-256, and served by the report's own route while the report is public
(``ReportPage.download``). A build reads the live report as an anonymous reader would, from
the same view and templates as the whole-report page; it skips the work when nothing it reads
has changed since the last build (``source_fingerprint``).
"""

import hashlib
import logging
import time

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.utils.text import slugify

STORAGE = "report_downloads"
# Raise when the templates or the builders change, so every report is built again (a change
# to the stylesheets the PDF uses does that by itself).
BUILD_VERSION = "2"
STYLESHEETS = ("css/site.css", "css/print.css", "css/pdf.css")
HASH_LENGTH = 12

logger = logging.getLogger(__name__)


def storage():
    return storages[STORAGE]


def builders():
    from ..models import ReportDownload
    from .epub import build_epub
    from .pdf import build_pdf

    return {ReportDownload.PDF: build_pdf, ReportDownload.EPUB: build_epub}


def source_fingerprint(report):
    """What a build reads, in one hash: the report's and its public chapters' live
    revisions, its site's address and settings, the builder's version."""
    from advocacy.core.models import SiteSettings

    site = report.get_site()
    settings_row = SiteSettings.for_site(site) if site is not None else None
    parts = [
        BUILD_VERSION,
        report.locale.language_code,
        str(report.live_revision_id),
        str(report.url_path),
        site.root_url if site is not None else "",
        str(getattr(settings_row, "pk", "")),
        getattr(settings_row, "organisation_name", ""),
    ]
    parts += [f"{chapter.pk}:{chapter.live_revision_id}" for chapter in report.chapters()]
    parts += [_file_digest(name) for name in STYLESHEETS]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _file_digest(static_name):
    """A stylesheet's hash, so that a change of style builds every report's files again."""
    from django.contrib.staticfiles import finders

    found = finders.find(static_name)
    if not found:
        return ""
    with open(found, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def file_name_for(report, kind, content):
    digest = hashlib.sha256(content).hexdigest()
    slug = slugify(report.slug)[:80] or "report"
    return f"{slug}-{report.locale.language_code}-{digest[:HASH_LENGTH]}.{kind}", digest


def build_downloads(report, *, force=False):
    """Build (or keep) the report's PDF and EPUB; returns {kind: ReportDownload}. A builder
    that fails leaves the previous file in place and is logged; the other still runs."""
    from ..models import ReportDownload

    source = source_fingerprint(report)
    existing = {row.kind: row for row in ReportDownload.objects.filter(report=report)}
    built = {}
    for kind, build in builders().items():
        row = existing.get(kind)
        if (
            row is not None
            and row.source == source
            and not force
            and storage().exists(row.file_name)
        ):
            built[kind] = row
            continue
        started = time.perf_counter()
        try:
            content = build(report)
        except Exception:  # a broken chapter must not stop the other format, nor the queue
            logger.exception("Building the %s of report %s failed.", kind, report.pk)
            continue
        seconds = time.perf_counter() - started
        built[kind] = store(report, kind, content, source, seconds, previous=row)
    return built


def store(report, kind, content, source, seconds, previous=None):
    """Keep ``content`` under its content-hashed name and record it; the file it replaces is
    deleted once the new record is committed."""
    from ..models import ReportDownload

    file_name, digest = file_name_for(report, kind, content)
    if not storage().exists(file_name):
        storage().save(file_name, ContentFile(content))
    row, _created = ReportDownload.objects.update_or_create(
        report=report,
        kind=kind,
        defaults={
            "file_name": file_name,
            "size": len(content),
            "sha256": digest,
            "source": source,
            "build_seconds": round(seconds, 3),
        },
    )
    if previous is not None and previous.file_name != file_name:
        old = previous.file_name
        transaction.on_commit(lambda: _delete_file(old), robust=True)
    return row


def delete_downloads(report_id):
    """Forget a report's files (it is no longer public)."""
    from ..models import ReportDownload

    rows = list(ReportDownload.objects.filter(report_id=report_id))
    ReportDownload.objects.filter(pk__in=[row.pk for row in rows]).delete()
    for row in rows:
        _delete_file(row.file_name)
    return len(rows)


def _delete_file(name):
    try:
        storage().delete(name)
    except OSError:
        logger.warning("Could not delete the old report file %s.", name)


def downloads_for(report):
    """The report's built files in the order offered (PDF, then EPUB); only those whose file
    is there."""
    from ..models import ReportDownload

    rows = {row.kind: row for row in ReportDownload.objects.filter(report=report)}
    return [rows[kind] for kind in (ReportDownload.PDF, ReportDownload.EPUB) if kind in rows]
