#!/usr/bin/env python
"""Prints the report's PDF and EPUB build times and sizes (reports.downloads): the demo
report, then a 50-chapter report, each built as the background task builds it. Also the
whole-report page's size (transferred, gzip, without images) for the low-bandwidth budget.

Run with `make bench` (a throw-away test database; DATABASE_URL for PostgreSQL). Times are
measured in this run, on this machine.
"""

import gzip
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

CHAPTERS = 50


def build_and_time(report):
    from reports.downloads.epub import build_epub
    from reports.downloads.pdf import build_pdf

    figures = {}
    for kind, build in (("PDF", build_pdf), ("EPUB", build_epub)):
        started = time.perf_counter()
        content = build(report)
        figures[kind] = (time.perf_counter() - started, len(content))
    return figures


def fifty_chapter_report(home):
    from reports.factories import ReportChapterPageFactory, ReportPageFactory, story_body

    report = ReportPageFactory(parent=home, slug="fifty", title="Fifty chapters")
    for number in range(1, CHAPTERS + 1):
        ReportChapterPageFactory(
            parent=report, title=f"Chapter {number}", slug=f"c{number}", body=story_body(12)
        )
    return report


def transferred(client, path):
    """Bytes of the HTML as sent gzip-compressed (images not counted)."""
    response = client.get(path)
    assert response.status_code == 200, path
    return len(response.content), len(gzip.compress(response.content))


def main():
    from django.conf import settings
    from django.test.utils import get_runner

    from reports.models import ReportPage

    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        call_command("load_demo_content", verbosity=0)
        demo = ReportPage.objects.live().get(slug="less-equal")
        rows = [(f"demo report ({len(demo.chapters())} chapters)", build_and_time(demo))]
        build_and_time(demo)  # the first build also loads fonts: time a second one too
        rows.append(("demo report, again", build_and_time(demo)))
        fifty = fifty_chapter_report(demo.get_parent())
        rows.append((f"{CHAPTERS}-chapter report", build_and_time(fifty)))
        print(f"{'report files':<32}{'PDF s':>8}{'PDF KB':>9}{'EPUB s':>9}{'EPUB KB':>9}")
        for label, figures in rows:
            (pdf_s, pdf_b), (epub_s, epub_b) = figures["PDF"], figures["EPUB"]
            print(
                f"{label:<32}{pdf_s:>8.2f}{pdf_b / 1024:>9.0f}{epub_s:>9.2f}{epub_b / 1024:>9.0f}"
            )
        print()
        client = Client()
        print(f"{'page (no images)':<48}{'HTML KB':>9}{'gzip KB':>9}")
        paths = [demo.url + "all/", *[chapter.url for chapter in demo.chapters()]]
        for path in paths:
            raw, packed = transferred(client, path)
            print(f"{path:<48}{raw / 1024:>9.1f}{packed / 1024:>9.1f}")
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
