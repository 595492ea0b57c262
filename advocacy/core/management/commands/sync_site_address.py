from django.core.management.base import BaseCommand

from wagtail.models import Site

from advocacy.core.public_url import public_origin, sync_site


class Command(BaseCommand):
    help = (
        "Give Wagtail's default Site the hostname and port of PUBLIC_URL, so that pages' full"
        " URLs (canonical links, the sitemap, the API) name the public address. Changes"
        " nothing else; run it after changing PUBLIC_URL (setup and load_demo_content do)."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stderr.write("There is no default site yet: nothing to change.")
            return
        before = site.root_url
        if sync_site(site):
            self.stdout.write(f"The site's address is now {public_origin()} (was {before}).")
        elif options["verbosity"] > 1:
            self.stdout.write(f"The site's address is already {public_origin()}.")
