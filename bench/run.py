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
        for label, path, prepare in scenarios.SCENARIOS:
            for size in scenarios.SIZES:
                prepare(size)
                queries, size_bytes = measure(client, path)
                rows.append((label, size, queries, size_bytes))
        print(f"{'page':<30}{'items':>7}{'queries':>9}{'bytes':>9}")
        for label, size, queries, size_bytes in rows:
            print(f"{label:<30}{size:>7}{queries:>9}{size_bytes:>9}")
        print()
        baseline = time_request(client, "/about/")
        print(f"{'request':<30}{'x /about/':>14}")
        for label, path in scenarios.TIMED:
            print(f"{label:<30}{time_request(client, path) / baseline:>14.1f}")
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
