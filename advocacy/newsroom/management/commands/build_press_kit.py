from django.core.management.base import BaseCommand

from advocacy.newsroom.presskit.builder import build_all


class Command(BaseCommand):
    help = (
        "Build the press kit zip of every public press page now (the site rebuilds it in the"
        " background whenever its contents change; run this after restoring files or from"
        " cron as a safety net). Writes nothing when nothing changed."
    )

    def handle(self, *args, **options):
        from advocacy.newsroom.models import PressKit

        outcomes = build_all()
        if not outcomes:
            self.stdout.write("No public press page: no press kit.")
        kits = {kit.press_page_id: kit for kit in PressKit.objects.all()}
        for page_id, outcome in outcomes.items():
            kit = kits.get(page_id)
            detail = f" {kit.file_name} ({kit.size} bytes)" if kit else ""
            self.stdout.write(f"Press page {page_id}: {outcome}{detail}")
