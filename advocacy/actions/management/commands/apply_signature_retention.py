from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from advocacy.actions import services, tasks
from advocacy.actions.models import confirmation_window


class Command(BaseCommand):
    help = (
        "Delete unconfirmed signatures whose confirmation link has expired, and anonymise"
        " confirmed signatures older than ACTIONS_RETENTION_DAYS (name, email address and"
        " organisation removed, times rounded to the day; the count is unchanged), and sign"
        " requests left in the task queue longer than the confirmation window. Run it daily,"
        " e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        result = services.apply_retention(dry_run=dry_run)
        verb_delete, verb_anonymise = (
            ("Would delete", "Would anonymise") if dry_run else ("Deleted", "Anonymised")
        )
        self.stdout.write(
            f"{verb_delete} {result.expired_deleted} unconfirmed signature(s) older than"
            f" {settings.ACTIONS_CONFIRMATION_HOURS} hours."
        )
        self.stdout.write(
            f"{verb_anonymise} {result.anonymised} confirmed signature(s) older than"
            f" {settings.ACTIONS_RETENTION_DAYS} days."
        )
        if not dry_run:
            swept = tasks.forget_finished_sign_requests(
                older_than=timezone.now() - confirmation_window()
            )
            self.stdout.write(f"Deleted {swept} finished or stale sign request(s) from the queue.")
