#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings.dev")
    # Commands (migrate, update_index, the task worker...) may run long statements, so the
    # web requests' database statement timeout is not theirs: see database_timeouts() in
    # advocacy/settings/base.py. runserver serves web requests and keeps it.
    if sys.argv[1:2] != ["runserver"]:
        os.environ.setdefault("LESS_EQUAL_PROCESS", "command")

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
