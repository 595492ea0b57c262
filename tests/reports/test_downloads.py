"""The report as PDF and EPUB: built in the background on publish, from the whole-report page,
offered on the report with format and size, readable by a reader's software."""

import re

import pytest
from wagtail_factories import ImageFactory

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from reports import downloads
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportDownload
from reports.tasks import build_report_downloads
from tests.bookfiles import check_epub, epub_file, pdf_fonts, pdf_pages
from tests.html import links, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def build_on_publish(settings):
    settings.REPORT_DOWNLOADS_ON_PUBLISH = True


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def fetch(client, report, kind):
    row = ReportDownload.objects.get(report=report, kind=kind)
    response = client.get(report.url + row.file_name)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def test_publishing_a_chapter_builds_the_pdf_and_epub_offered_on_the_report(
    client, report, chapters, django_capture_on_commit_callbacks
):
    assert not ReportDownload.objects.exists()  # nothing is built inside a request
    client.get(report.url)
    assert not ReportDownload.objects.exists()

    publish(chapters[0], django_capture_on_commit_callbacks)

    page = client.get(report.url)
    labels = [label for label, _href in links(page)]
    pdf = ReportDownload.objects.get(report=report, kind="pdf")
    epub = ReportDownload.objects.get(report=report, kind="epub")
    assert f"PDF, {-(-pdf.size // 1024)} KB" in labels
    assert f"EPUB, {-(-epub.size // 1024)} KB" in labels
    assert "A downloaded file stays on your device" in text(page)
    whole = client.get(report.url + "all/")
    assert f"PDF, {-(-pdf.size // 1024)} KB" in [label for label, _ in links(whole)]
    # The name carries the content's hash; the size shown is the size sent.
    assert pdf.sha256[: downloads.HASH_LENGTH] in pdf.file_name

    response, content = fetch(client, report, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert len(content) == pdf.size
    pages = pdf_pages(content)
    assert len(pages) >= 2 + len(chapters)  # cover, contents, a page per chapter at least
    everything = "\n".join(pages)
    assert "Less equal" in pages[0] and "date not given" in pages[0]
    assert "Amnesty International".upper() in pages[0].upper()
    assert "http://localhost/less-equal/all/" in pages[0]
    assert "Contents" in pages[1]
    for chapter in chapters:
        assert chapter.title in everything
    assert any(page.strip().endswith(f"/ {len(pages)}") for page in pages[1:])  # page numbers

    _response, content = fetch(client, report, "epub")
    metadata, parts = check_epub(content)
    assert metadata["language"] == "en"
    assert metadata["identifier"].startswith("urn:uuid:")
    titles = [title for title, _text in parts]
    for number, chapter in enumerate(chapters, start=1):
        assert f"{number}. {chapter.title}" in titles


def test_footnotes_are_numbered_notes_that_link_back(
    client, report, django_capture_on_commit_callbacks
):
    from wagtail_footnotes.models import Footnote

    note = "00000000-0000-4000-8000-000000000001"
    chapter = ReportChapterPageFactory(
        parent=report,
        title="Noted",
        body=[("paragraph", RichText(f'<p>A claim.<footnote id="{note}">[1]</footnote></p>'))],
    )
    Footnote.objects.create(page=chapter, uuid=note, text="<p>The source of the claim.</p>")
    publish(chapter, django_capture_on_commit_callbacks)

    _response, content = fetch(client, report, "pdf")
    everything = "\n".join(pdf_pages(content))
    assert "[1]" in everything
    assert "The source of the claim." in everything
    assert "↩" in everything  # the note leads back to where it is cited

    _response, content = fetch(client, report, "epub")
    _metadata, parts = check_epub(content)
    chapter_text = dict(parts)["1. Noted"]
    assert "The source of the claim." in chapter_text
    # The note's back-link leads to the reference's anchor (in the file of the chapter).
    chapter_file = epub_file(content, "chapter-001.xhtml")
    backs = re.findall(r'class="footnotes__back" href="#([^"]+)"', chapter_file)
    assert backs and all(f'id="{anchor}"' in chapter_file for anchor in backs)


def test_cyrillic_and_armenian_are_set_in_an_embedded_font(
    client, home, django_capture_on_commit_callbacks
):
    report = ReportPageFactory(parent=home, slug="menshe", title="Меньше равных")
    russian = "Правозащитники в Беларуси"
    armenian = "Մարդու իրավունքների պաշտպաններ"
    chapter = ReportChapterPageFactory(
        parent=report,
        title="Армения",
        body=[("paragraph", RichText(f"<p>{russian}. {armenian}.</p>"))],
    )
    publish(chapter, django_capture_on_commit_callbacks)

    _response, content = fetch(client, report, "pdf")
    everything = "\n".join(pdf_pages(content))
    assert russian in everything
    assert armenian in everything
    # pdf.css's "Report Serif"/"Report Sans" are DejaVu's files (static/fonts): no fallback
    # font whose missing glyphs would print as boxes.
    fonts = pdf_fonts(content)
    assert fonts and all("Report-" in name or "DejaVu" in name for name in fonts), fonts


def test_an_editors_pdf_comes_first_and_the_built_one_is_printer_friendly(
    client, report, chapters, django_capture_on_commit_callbacks
):
    report.pdf = Document.objects.create(
        title="Less equal", file=ContentFile(b"%PDF-1.4 " + b"x" * 5000, name="less-equal.pdf")
    )
    publish(report, django_capture_on_commit_callbacks)

    labels = [label for label, _href in links(client.get(report.url))]
    offered = [label for label in labels if "PDF" in label or "EPUB" in label]
    assert offered[0] == "Download PDF, 5 KB"
    assert offered[1].startswith("Printer-friendly PDF, ")
    assert offered[2].startswith("EPUB, ")


def test_bad_chapters_still_make_valid_files(client, report, django_capture_on_commit_callbacks):
    image = ImageFactory(title="Lost photo")
    image.file.storage.delete(image.file.name)  # no rendition can be made of it
    ReportChapterPageFactory(
        parent=report,
        title="With a lost image",
        body=[("image", {"image": image, "caption": "A lost photo", "credit": ""})],
    )
    ReportChapterPageFactory(parent=report, title="Empty", body=[])
    words = ("Lorem ipsum dolor sit amet, правозащитники. " * 2300)[:100_000]
    long = ReportChapterPageFactory(
        parent=report, title="Very long", body=[("paragraph", RichText(f"<p>{words}</p>"))]
    )
    publish(long, django_capture_on_commit_callbacks)

    _response, content = fetch(client, report, "pdf")
    pages = pdf_pages(content)
    assert len(pages) > 20
    everything = "\n".join(pages)
    for title in ("With a lost image", "Empty", "Very long"):
        assert title in everything

    _response, content = fetch(client, report, "epub")
    _metadata, parts = check_epub(content)
    titles = [title for title, _text in parts]
    assert {"1. With a lost image", "2. Empty", "3. Very long"} <= set(titles)
    assert len(dict(parts)["3. Very long"]) > 99_000


def test_unchanged_content_is_not_built_again_and_unpublishing_removes_the_files(
    client, report, chapters, django_capture_on_commit_callbacks
):
    publish(chapters[0], django_capture_on_commit_callbacks)
    first = {row.kind: row.file_name for row in ReportDownload.objects.all()}

    assert build_report_downloads.call(report.pk) == "unchanged"
    assert {row.kind: row.file_name for row in ReportDownload.objects.all()} == first

    with django_capture_on_commit_callbacks(execute=True):
        report.unpublish()
    assert not ReportDownload.objects.exists()
    assert not downloads.storage().exists(first["pdf"])
    report.save_revision().publish()  # back, but nothing is built yet in this test
    assert client.get(report.url + first["pdf"]).status_code == 404


def test_a_made_up_file_name_is_not_found(client, report):
    for name in ("nothing.pdf", "../../etc/passwd.pdf", "x.exe", "ÿ.epub"):
        assert client.get(report.url + name).status_code == 404


def test_the_command_builds_every_public_reports_files(report, chapters):
    from django.core.management import call_command

    assert not ReportDownload.objects.exists()  # factories publish no revision: no build
    call_command("build_report_files", "--now", verbosity=0)
    assert {row.kind for row in ReportDownload.objects.filter(report=report)} == {"pdf", "epub"}


def test_a_translated_report_has_files_of_its_own_in_its_language(
    client, report, chapters, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    russian = Locale.objects.create(language_code="ru")
    with django_capture_on_commit_callbacks(execute=True):
        translated = report.copy_for_translation(russian, copy_parents=True)
        translated.title = "Меньше равных"
        translated.save_revision().publish()

    row = ReportDownload.objects.get(report=translated, kind="epub")
    assert "-ru-" in row.file_name
    metadata, _parts = check_epub(fetch(client, translated, "epub")[1])
    assert metadata["language"] == "ru"
    assert metadata["title"].startswith("Меньше равных")
    assert "Меньше равных" in pdf_pages(fetch(client, translated, "pdf")[1])[0]
    assert ReportDownload.objects.filter(report=report).count() == 0  # English: not republished
