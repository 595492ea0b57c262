from django.core.management import call_command
from django.core.management.base import BaseCommand

from advocacy.actions import demo as actions_demo
from advocacy.core import demo as core_demo
from advocacy.statements import demo as statements_demo
from countries import demo as countries_demo
from reports import demo as reports_demo


class Command(BaseCommand):
    help = (
        "Build the demo site from the press release: site, home page, plain pages and, as"
        " later apps add them, the report, countries, statements and calls to action."
        " Idempotent: a second run creates nothing and changes nothing."
    )

    def handle(self, *args, **options):
        home = core_demo.build()
        report, release = reports_demo.build(home, statements_demo.build)
        countries = countries_demo.build(home, report)
        statements_demo.link_countries()
        statements_demo.build_press_page(home, report)
        actions_demo.build()
        core_demo.feature(
            home,
            report,
            [
                (report, "The report, chapter by chapter, or whole on one page."),
                (countries, "Armenia, Belarus, Kazakhstan and Kyrgyzstan compared, fact by fact."),
                (release, "The press release that launched the report."),
            ],
        )
        call_command("update_index", verbosity=0)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Demo content is in place."))
