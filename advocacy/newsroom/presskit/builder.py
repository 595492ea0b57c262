"""Build, store and record a press page's kit (see the package's docstring for the rules)."""

import datetime
import hashlib
import io
import logging
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.images import get_image_model

from advocacy.core.dates import date_label
from advocacy.core.models import SiteSettings
from advocacy.core.textsafety import INVISIBLE
from advocacy.core.visibility import (
    is_public_page,
    public_document_or_none,
    public_images,
    public_pages,
)
from advocacy.newsroom.models import PressKit
from advocacy.people.models import PressPage
from advocacy.people.presskit import press_kit_entries
from advocacy.statements.export import public_statements, write_statements_csv
from reports.models import PressReleasePage
from reports.models.press import NEWEST_FIRST

from .text import press_release_text

logger = logging.getLogger(__name__)

STORAGE = "press_kit"
# Files already compressed are stored as they are; text is deflated.
STORED_EXTENSIONS = {"pdf", "jpg", "jpeg", "png", "gif", "webp", "avif", "zip", "docx", "xlsx"}
# Zip entries cannot be dated before 1980.
EARLIEST = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)


def storage():
    return storages[STORAGE]


@dataclass
class KitContents:
    """What goes in one press page's zip, before it is written."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    content_date: datetime.datetime = EARLIEST
    stale_after: datetime.datetime | None = None
    names: set = field(default_factory=set)

    def add(self, name, data):
        self.files.append((name, data))

    def unique(self, folder, stem, extension):
        """A file name not used yet in this zip: ``folder/stem.ext``, else ``stem-2.ext``…"""
        name, n = f"{folder}/{stem}.{extension}", 1
        while name in self.names:
            n += 1
            name = f"{folder}/{stem}-{n}.{extension}"
        self.names.add(name)
        return name


def file_stem(text, fallback):
    """A plain ASCII file name from a title (“Less equal (PDF)” → “less-equal-pdf”)."""
    return slugify(INVISIBLE.sub("", text or ""))[:60].strip("-") or fallback


def extension_of(name, default="bin"):
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return extension if extension.isalnum() and len(extension) <= 5 else default


def read_file(field_file):
    with field_file.open("rb") as handle:
        return handle.read()


def newest(*dates):
    found = [d for d in dates if d is not None]
    return max(found) if found else None


def earliest(*dates):
    found = [d for d in dates if d is not None]
    return min(found) if found else None


def kit_base_name():
    return file_stem(settings.WAGTAIL_SITE_NAME, "site")


def kit_contents(press_page):
    """Everything the press page's zip holds, read from what the public may see now."""
    kit = KitContents()
    site = press_page.get_site()
    dates, expiries = [press_page.last_published_at], [press_page.expire_at]

    # Press releases, newest first.
    releases = list(
        public_pages(PressReleasePage.objects.filter(locale_id=press_page.locale_id))
        .select_related("report", "report__pdf")
        .prefetch_related("footnotes")
        .order_by(*NEWEST_FIRST, "path")
    )
    release_files = []
    for release in releases:
        report = release.public_report
        day = release.published_at.date().isoformat() if release.published_at else "undated"
        name = kit.unique(
            "press-releases", f"{day}-{file_stem(release.title, f'release-{release.pk}')}", "txt"
        )
        text = press_release_text(release, report=report, url=release.get_full_url() or "")
        release_files.append((name, text.encode("utf-8")))
        dates.append(release.last_published_at)
        expiries.append(release.expire_at)

    # Publications: what the press page offers (the report's PDF), then each release's.
    documents, seen = [], set()
    for entry in press_kit_entries(press_page):
        dates.append(entry.page.last_published_at)
        expiries.append(entry.page.expire_at)
        if entry.document is not None and entry.document.pk not in seen:
            seen.add(entry.document.pk)
            documents.append((entry.title, entry.document))
    for release in releases:
        report = release.public_report
        document = public_document_or_none(report.pdf) if report is not None else None
        if document is not None and document.pk not in seen:
            seen.add(document.pk)
            documents.append((report.full_title, document))
    document_files, document_summary = [], []
    for title, document in documents:
        extension = extension_of(document.file.name)
        stem = file_stem(document.title or title, f"document-{document.pk}")
        try:
            data = read_file(document.file)
        except OSError:
            logger.warning("Press kit: document %s has no file; left out.", document.pk)
            continue
        document_files.append((kit.unique("documents", stem, extension), data))
        document_summary.append({"title": title, "extension": extension.upper()})
        dates.append(document.created_at)

    # Approved images: the press page's kit images, while the image itself is public.
    items = list(press_page.kit_images.select_related("image", "image__safety"))
    public_ids = set(
        public_images(
            get_image_model().objects.filter(pk__in=[i.image_id for i in items])
        ).values_list("pk", flat=True)
    )
    image_files, credits = [], []
    for item in items:
        if item.image_id not in public_ids:
            continue
        image = item.image
        safety = getattr(image, "safety", None)
        caption = item.caption or (safety.caption if safety is not None else "")
        extension = extension_of(image.file.name, "jpg")
        stem = f"{len(image_files) + 1:02d}-{file_stem(caption or image.title, 'image')}"
        name = kit.unique("images", stem[:64], extension)
        try:
            data = read_file(image.file)
        except OSError:
            logger.warning("Press kit: image %s has no file; left out.", image.pk)
            continue
        image_files.append((name, data))
        credits.append(credit_entry(name, caption, item.credit, item.licence))
        dates.append(image.created_at)

    # Statements, as the quote desk's CSV.
    statements = public_statements()
    out = io.StringIO(newline="")
    rows = write_statements_csv(out, statements)
    aggregate = statements.aggregate(newest=Max("last_published_at"), ends=Min("expire_at"))
    dates.append(aggregate["newest"])
    expiries.append(aggregate["ends"])

    content_day = newest(*dates) or EARLIEST
    content_day = timezone.localtime(content_day).date()
    kit.content_date = max(
        EARLIEST, datetime.datetime.combine(content_day, datetime.time(), tzinfo=datetime.UTC)
    )
    kit.stale_after = earliest(*expiries)
    kit.summary = {
        "releases": [release.title for release in releases],
        "documents": document_summary,
        "images": len(image_files),
        "statements": rows,
        "content_date": content_day.isoformat(),
    }
    # Read, never created here (for_site would save a row, and that save asks for a build).
    site_settings = SiteSettings.objects.filter(site=site).first() if site else None
    kit.add("README.txt", readme(press_page, kit, site_settings, credits).encode("utf-8"))
    if credits:
        kit.add("CREDITS.txt", credits_text(credits).encode("utf-8"))
    for name, data in release_files + document_files + image_files:
        kit.add(name, data)
    kit.add("statements.csv", out.getvalue().encode("utf-8"))
    return kit


def credit_entry(name, caption, credit, licence):
    lines = [name]
    if caption:
        lines.append(f"  {caption}")
    lines.append(f"  {_('Credit')}: {credit}")
    if licence:
        lines.append(f"  {_('Licence')}: {licence}")
    return "\n".join(lines)


def credits_text(credits):
    intro = _("Every image in this zip must be credited as below, and used only on these terms.")
    return heading(_("Image credits")) + "\n\n" + intro + "\n\n" + "\n\n".join(credits) + "\n"


def heading(text, underline="="):
    return f"{text}\n{underline * len(text)}"


def readme(press_page, kit, site_settings, credits):
    """README.txt: what is in the zip, when its content is from, where it comes from."""
    summary = kit.summary
    organisation = site_settings.organisation_name if site_settings else ""
    lines = [
        heading(f"{settings.WAGTAIL_SITE_NAME} — {_('press kit')}"),
        "",
        f"{_('From')}: {press_page.title}, {press_page.get_full_url() or ''}",
    ]
    if organisation:
        lines.append(f"{_('Published by')}: {organisation}")
    lines += [
        f"{_('Content as of')}: {date_label(kit.content_date.date())} "
        f"({_('the newest publication it includes; built from the public site only')})",
        "",
        heading(_("What is in it"), "-"),
        "",
        f"README.txt — {_('this file')}",
    ]
    if credits:
        lines.append(f"CREDITS.txt — {_('the credit and licence of every image')}")
    releases = len(summary["releases"])
    if releases:
        lines.append(
            "press-releases/ — "
            + ngettext(
                "%(count)d press release as plain text (title, date, text, numbered notes)",
                "%(count)d press releases as plain text (title, date, text, numbered notes)",
                releases,
            )
            % {"count": releases}
        )
        lines += [f"    {title}" for title in summary["releases"]]
    if summary["documents"]:
        lines.append(f"documents/ — {_('the publications, as published')}")
        lines += [f"    {d['title']} ({d['extension']})" for d in summary["documents"]]
    if summary["images"]:
        lines.append(
            "images/ — "
            + ngettext(
                "%(count)d image approved for press use (credits below and in CREDITS.txt)",
                "%(count)d images approved for press use (credits below and in CREDITS.txt)",
                summary["images"],
            )
            % {"count": summary["images"]}
        )
    lines.append(
        "statements.csv — "
        + ngettext(
            "%(count)d public statement from the quote desk, as its CSV download gives it",
            "%(count)d public statements from the quote desk, as its CSV download gives it",
            summary["statements"],
        )
        % {"count": summary["statements"]}
    )
    if site_settings is not None and site_settings.has_press_contact:
        lines += ["", heading(_("Press contact"), "-"), "", site_settings.press_contact_label]
        lines += [
            value for value in (site_settings.press_email, site_settings.press_phone) if value
        ]
    if credits:
        lines += ["", heading(_("Image credits"), "-"), "", "\n\n".join(credits)]
    return "\n".join(lines) + "\n"


def zip_bytes(kit, folder):
    """The zip: entries in the kit's order under one folder, every one dated the content
    date, with fixed permissions, so the same content always gives the same bytes."""
    date_time = kit.content_date.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in kit.files:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=date_time)
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            if extension_of(name, "") in STORED_EXTENSIONS:
                info.compress_type = zipfile.ZIP_STORED
                archive.writestr(info, data)
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def kit_file_name(press_page, sha256):
    """``less-equal-press-kit-<hash12>.zip``; another language's kit carries its code."""
    language = press_page.locale.language_code
    middle = "" if language == settings.LANGUAGE_CODE else f"-{slugify(language)}"
    return f"{kit_base_name()}-press-kit{middle}-{sha256[:12]}.zip"


def build_press_kit(press_page):
    """Build the press page's zip and record it; returns (PressKit, changed)."""
    with translation.override(press_page.locale.language_code):
        kit = kit_contents(press_page)
        folder = f"{kit_base_name()}-press-kit"
        data = zip_bytes(kit, folder)
    sha256 = hashlib.sha256(data).hexdigest()
    name = kit_file_name(press_page, sha256)
    files = storage()
    with transaction.atomic():
        current = PressKit.objects.select_for_update().filter(press_page=press_page).first()
        if current is not None and current.sha256 == sha256 and files.exists(current.file_name):
            if current.stale_after != kit.stale_after:
                current.stale_after = kit.stale_after
                current.save(update_fields=["stale_after"])
            return current, False
        if not files.exists(name):
            stored = files.save(name, ContentFile(data))
            if stored != name:  # never expected: the storage renamed it
                files.delete(stored)
                raise RuntimeError(f"Press kit storage renamed {name} to {stored}")
        previous = current.file_name if current is not None else None
        values = {
            "file_name": name,
            "sha256": sha256,
            "size": len(data),
            "content_date": kit.content_date,
            "stale_after": kit.stale_after,
            "summary": kit.summary,
            "built_at": timezone.now(),
        }
        record, _created = PressKit.objects.update_or_create(press_page=press_page, defaults=values)
        if previous and previous != name:
            transaction.on_commit(lambda: delete_file_unless_current(previous), robust=True)
    return record, True


def delete_file_unless_current(name):
    if not PressKit.objects.filter(file_name=name).exists():
        storage().delete(name)


def withdraw_press_kit(press_kit):
    """Stop offering a kit and delete its file (its press page is no longer public)."""
    name = press_kit.file_name
    press_kit.delete()
    transaction.on_commit(lambda: delete_file_unless_current(name), robust=True)


def build_all():
    """Rebuild the kit of every public press page; withdraw the kits of the others.
    Returns {press page id: "built" | "unchanged" | "withdrawn"}."""
    outcomes = {}
    for press_page in PressPage.objects.select_related("locale").order_by("path"):
        if is_public_page(press_page):
            _record, changed = build_press_kit(press_page)
            outcomes[press_page.pk] = "built" if changed else "unchanged"
    for press_kit in PressKit.objects.exclude(press_page_id__in=list(outcomes)):
        outcomes[press_kit.press_page_id] = "withdrawn"
        withdraw_press_kit(press_kit)
    return outcomes
