from django.core.management import call_command
from django.core.management.base import BaseCommand

from advocacy.core import demo


class Command(BaseCommand):
    help = (
        "Build the demo site from the press release: site, home page, plain pages, then each"
        " app's demo step (registered with the 'build_demo_content' hook). Idempotent: a"
        " second run creates nothing and changes nothing."
    )

    def handle(self, *args, **options):
        demo.build()
        call_command("update_index", verbosity=0)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo content is in place."))
