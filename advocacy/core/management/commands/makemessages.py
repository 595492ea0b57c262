"""Django's makemessages with this project's defaults, so `manage.py makemessages` (and
`make messages`) always writes the catalogs the same way.

- Every language but the default one, when none is named: locale/ru/LC_MESSAGES/django.po.
- No file:line references: they change with every edit elsewhere in a file, so catalogs
  would conflict on every merge; the strings themselves are what translators need.
- Obsolete entries dropped, and the folders that hold no site strings skipped (the
  virtualenv, tests, benchmarks, deployment files, uploaded media).

Existing translations are kept (msgmerge); new strings arrive with an empty translation.
"""

from django.conf import settings
from django.core.management.commands import makemessages

IGNORED = [".venv", "venv", "var", "media", "tests", "bench", "deploy", "docs", "node_modules"]


class Command(makemessages.Command):
    help = makemessages.Command.help + " With this project's defaults (see its docstring)."

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *IGNORED]
        options["no_location"] = True
        options["no_obsolete"] = True
        if not options.get("locale") and not options.get("exclude") and not options.get("all"):
            options["locale"] = [
                code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
            ]
        return super().handle(*args, **options)
