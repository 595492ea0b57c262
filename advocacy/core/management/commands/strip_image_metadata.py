from django.core.management.base import BaseCommand, CommandError

from wagtail.images import get_image_model

from advocacy.core.images import UnreadableImage, has_stored_name, metadata_in, strip_stored_image


class Command(BaseCommand):
    help = (
        "Re-encode every stored image that still carries metadata (EXIF/GPS, XMP, IPTC, ICC,"
        " comments, text chunks), orientation applied, give any image named after its upload"
        " a random name, and delete their renditions. Run once after upgrading; a second run"
        " changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the images that would be re-encoded."
        )

    def handle(self, *args, dry_run, verbosity, **options):
        cleaned = clean = 0
        failed = []
        for image in get_image_model().objects.order_by("pk").iterator(chunk_size=100):
            label = f"image {image.pk} ({image.file.name})"
            try:
                if dry_run:
                    with image.file.storage.open(image.file.name, "rb") as f:
                        found = metadata_in(f.read())
                    if not found and not has_stored_name(image.file.name):
                        found = ["named after its upload"]
                    changed = bool(found)
                    if found and verbosity:
                        self.stdout.write(f"{label}: {', '.join(found)}")
                else:
                    changed = strip_stored_image(image)
                    if changed and verbosity > 1:
                        self.stdout.write(f"{label}: cleaned")
            except (OSError, UnreadableImage) as exc:
                failed.append(f"{label}: {exc}")
                continue
            cleaned += changed
            clean += not changed
        verb = "to clean" if dry_run else "re-encoded or renamed"
        self.stdout.write(f"{cleaned} image(s) {verb}, {clean} already clean.")
        if failed:
            raise CommandError(f"{len(failed)} image(s) could not be read:\n" + "\n".join(failed))
