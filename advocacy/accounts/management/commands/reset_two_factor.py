from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from advocacy.accounts import two_factor


class Command(BaseCommand):
    help = (
        "Remove a user's two-factor devices (a lost phone). At their next sign-in, after the"
        " password, they set up a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        removed = two_factor.reset(user)
        self.stdout.write(f"Removed {removed} device(s) of {username!r}.")
