#!/usr/bin/env python
"""Prints figures for the pages readers hit most: queries per request and response size.

Run with `make bench` (SQLite by default, DATABASE_URL for PostgreSQL). Figures are
counts and ratios measured in one run, never absolute time limits.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def measure(client, path):
    client.get(path)  # warm caches as a running site would have them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries), len(response.content)


def time_request(client, path, repeat=20):
    """Median seconds per request, measured in this run (compare as ratios only)."""
    client.get(path)
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def print_card_timing():
    """A quote card drawn the first time, then served from storage."""
    from django.core.files.storage import default_storage

    from advocacy.statements.cards import card_name, get_card
    from advocacy.statements.models import Statement

    statement = Statement.objects.published().order_by("-text").first()
    for size in ("og", "square"):
        default_storage.delete(card_name(statement, size))
        started = time.perf_counter()
        get_card(statement, size)
        first = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(20):
            get_card(statement, size)
        after = (time.perf_counter() - started) / 20
        print(
            f"card {size}: first draw {first * 1000:.1f} ms, served after {after * 1000:.2f} ms"
            f" ({first / after:.0f}x faster)"
        )


def main():
    from django.conf import settings
    from django.test.utils import get_runner

    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        from bench import scenarios

        client = Client()
        rows = []
        plans = [
            (label, path, prepare, scenarios.SIZES) for label, path, prepare in scenarios.SCENARIOS
        ]
        plans += scenarios.SIZED_SCENARIOS
        baseline = time_request(client, "/about/")
        timed = []
        for label, path, prepare, sizes in plans:
            for size in sizes:
                prepare(size)
                queries, size_bytes = measure(client, path)
                rows.append((label, size, queries, size_bytes))
                if path.startswith("/statements/"):
                    timed.append((f"{label} n={size}", time_request(client, path) / baseline))
        print(f"{'page':<30}{'items':>7}{'queries':>9}{'bytes':>9}")
        for label, size, queries, size_bytes in rows:
            print(f"{label:<30}{size:>7}{queries:>9}{size_bytes:>9}")
        print()
        print(f"{'request (median time)':<36}{'x /about/':>8}")
        timed += [(label, time_request(client, path) / baseline) for label, path in scenarios.TIMED]
        for label, ratio in timed:
            print(f"{label:<36}{ratio:>8.1f}")
        print()
        print_card_timing()
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
