"""manage.py export_static DIR [--base-url URL]: the public site as static files."""

import time

from django.core.management.base import BaseCommand, CommandError

from advocacy.core.mirror import MirrorError, export


class Command(BaseCommand):
    help = (
        "Write the whole public site (every public page in every language, feeds, sitemap,"
        " static files, images, the report's PDF and EPUB) into DIR as files a static host"
        " can serve. Run it again into the same folder to update only what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="An empty or new folder, or a previous export.")
        parser.add_argument(
            "--base-url",
            help="The mirror's own address (e.g. https://mirror.example.org/), used in the"
            " sitemap, feeds and robots.txt.",
        )

    def handle(self, *args, directory, base_url=None, **options):
        started = time.monotonic()
        try:
            result = export(directory, base_url=base_url)
        except MirrorError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"]:
            self.stdout.write(
                f"Exported {len(result.files)} files to {directory}: {len(result.written)}"
                f" written, {result.unchanged} unchanged, {len(result.removed)} removed"
                f" ({time.monotonic() - started:.1f} s)."
            )
