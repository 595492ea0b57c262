"""A gunicorn worker's garbage collector (advocacy.wsgi): what start-up built is frozen and
the youngest generation is collected after GC_THRESHOLD allocations, not Python's 700; 0
keeps Python's defaults. Checked in a fresh interpreter that loads the WSGI application as
gunicorn does, so the test's own process is left as it was."""

import os
import subprocess
import sys

import pytest

from django.conf import settings

PROBE = "import gc, advocacy.wsgi; print(gc.get_threshold()[0], gc.get_freeze_count())"


def load_worker(**environment):
    result = subprocess.run(  # noqa: S603  our own interpreter and module
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "advocacy.settings.test", **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    threshold, frozen = result.stdout.split()
    return int(threshold), int(frozen)


@pytest.mark.parametrize("configured", ["50000", "12000"])
def test_a_worker_freezes_its_start_up_and_collects_less_often(configured):
    threshold, frozen = load_worker(GC_THRESHOLD=configured)

    assert threshold == int(configured)
    # Django, Wagtail and the project's modules: far more than a toy interpreter holds.
    assert frozen > 50_000


def test_zero_keeps_pythons_own_collector_settings():
    threshold, frozen = load_worker(GC_THRESHOLD="0")

    assert threshold == 700
    # Start-up not frozen (an imported library may freeze a few hundred objects of its own).
    assert frozen < 5_000
