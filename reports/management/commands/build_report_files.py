"""manage.py build_report_files [--now]: queue (or run) the build of every public report's
PDF and EPUB; reports whose files are up to date are left alone."""

from django.core.management.base import BaseCommand

from advocacy.core.visibility import public_pages

from ...models import ReportPage
from ...tasks import build_report_downloads


class Command(BaseCommand):
    help = "Build every public report's PDF and EPUB (in the background unless --now)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Build here and now.")

    def handle(self, *args, now=False, **options):
        reports = list(public_pages(ReportPage.objects.all()).order_by("path"))
        for report in reports:
            if now:
                outcome = build_report_downloads.call(report.pk)
                if options["verbosity"]:
                    self.stdout.write(f"{report.url}: {outcome}")
            else:
                build_report_downloads.enqueue(report.pk)
        if options["verbosity"] and not now:
            self.stdout.write(f"Queued the files of {len(reports)} report(s).")
