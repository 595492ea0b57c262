#!/usr/bin/env python
"""Prints figures for the pages readers hit most: queries per request and response size.

Run with `make bench` (SQLite by default, DATABASE_URL for PostgreSQL). Figures are
counts and ratios measured in one run, never absolute time limits; the signing rate is
signatures per second measured in this run, on this machine.
"""

import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402
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
    """Quote cards: drawing time for hostile statements (the target is under 1 s each, in
    the background task), then the card view serving a drawn card from private storage."""
    from advocacy.people.factories import PersonFactory
    from advocacy.statements import cards
    from advocacy.statements.factories import StatementFactory

    speaker = PersonFactory.build(name="Bench Speaker " * 8)
    hostile = [
        ("5,000-character unbroken statement", "x" * 5000),
        ("5,000 Cyrillic characters unbroken", "Ж" * 5000),
        ("1,000 emoji", "😀" * 1000),
        ("1,000 flag emoji (ZWJ sequences)", "🏳️‍🌈" * 1000),
        ("5,000 characters of words", ("Discrimination " * 400)[:5000]),
    ]
    print(f"{'card drawing (background task)':<40}{'og s':>8}{'square s':>10}")
    for label, text in hostile:
        statement = StatementFactory.build(text=text, speaker=speaker)
        seconds = []
        for size in ("og", "square"):
            started = time.perf_counter()
            cards.draw_card(statement, size)
            seconds.append(time.perf_counter() - started)
        verdict = "ok" if max(seconds) < 1 else "OVER 1 s"
        print(f"{label:<40}{seconds[0]:>8.3f}{seconds[1]:>10.3f}  {verdict}")

    statement = StatementFactory(text="Bench card served from private storage")  # drawn now
    client = Client()
    path = f"/statements/{statement.pk}/card-og.png"
    assert client.get(path).status_code == 200, "the card task did not run"
    served = time_request(client, path)
    etag = client.get(path).headers["ETag"]
    revalidated = statistics.median(
        _timed(lambda: client.get(path, headers={"If-None-Match": etag})) for _ in range(20)
    )
    print(
        f"card view: served {served * 1000:.2f} ms, revalidated (304) {revalidated * 1000:.2f} ms"
    )


def _timed(call):
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def signing_rate(processes, per_process):
    """Signatures accepted per second through the real view, each by a fresh visitor.

    Each visitor is a new browser session: it GETs the sign page, reads the CSRF token from
    the form (checks enforced, as in production), and POSTs the form from an address of its
    own (the per-address rate limit stays on and does not stop them). ``processes`` worker
    processes (as gunicorn's workers are) start together at a barrier, each with its own
    database connection; threads would measure Python's GIL, not the application.
    """
    import multiprocessing

    from bench import scenarios

    action = scenarios.bench_petition()
    url = action.get_absolute_url()
    consent = str(action.current_consent.version)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(processes + 1)
    results = context.Queue()

    def visitor(worker, n):
        address = f"10.{worker}.{n // 256}.{n % 256}"
        browser = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)
        token = CSRF_TOKEN.search(browser.get(url).content.decode()).group(1)
        response = browser.post(
            url,
            {
                "csrfmiddlewaretoken": token,
                "name": f"Bench Signer {worker}-{n}",
                "email": f"bench-{worker}-{n}@example.org",
                "country": "AM",
                "consent": "on",
                "consent_version": consent,
                "call_to_action": str(action.pk),
            },
        )
        return response.status_code == 302

    def work(worker):
        connection.ensure_connection()
        barrier.wait(timeout=120)
        results.put(sum(visitor(worker, n) for n in range(per_process)))
        connections.close_all()

    connections.close_all()  # each process opens its own connection
    workers = [context.Process(target=work, args=(n,)) for n in range(processes)]
    for worker in workers:
        worker.start()
    barrier.wait(timeout=120)
    started = time.perf_counter()
    accepted = sum(results.get(timeout=1800) for _ in workers)
    elapsed = time.perf_counter() - started
    for worker in workers:
        worker.join()
    return accepted, elapsed


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
        sign_page_seconds = {}
        for size in scenarios.ACTION_SIZES:
            scenarios.action_with_signatures(size)
            for label, path in scenarios.ACTION_PAGES:
                queries, size_bytes = measure(client, path)
                rows.append((label, size, queries, size_bytes))
            sign_page_seconds[size] = time_request(client, scenarios.ACTION_PAGES[0][1])
        print(f"{'page':<30}{'items':>8}{'queries':>9}{'bytes':>9}")
        for label, size, queries, size_bytes in rows:
            print(f"{label:<30}{size:>8}{queries:>9}{size_bytes:>9}")
        print()
        print(f"{'request (median time)':<36}{'x /about/':>8}")
        timed += [(label, time_request(client, path) / baseline) for label, path in scenarios.TIMED]
        for label, ratio in timed:
            print(f"{label:<36}{ratio:>8.1f}")
        print()
        print_card_timing()
        smallest, largest = scenarios.ACTION_SIZES[0], scenarios.ACTION_SIZES[-1]
        ratio = sign_page_seconds[largest] / sign_page_seconds[smallest]
        print()
        print(f"sign page time with {largest:,} signatures / with {smallest}: {ratio:.1f}")
        print()
        from bench.signing import print_sign_timing

        print_sign_timing()
        print()
        if connection.vendor == "postgresql":
            print("signing through the real view (GET the form, POST it with its CSRF token)")
            print(f"on PostgreSQL, {os.cpu_count()} CPUs shared with the database server")
            print(f"{'processes':>10}{'accepted':>10}{'seconds':>9}{'per second':>12}")
            signing_rate(1, 20)  # warm-up, not reported
            for processes in (1, 2, 4, 8):
                accepted, elapsed = signing_rate(processes, 400 // processes)
                print(f"{processes:>10}{accepted:>10}{elapsed:>9.2f}{accepted / elapsed:>12.1f}")
        else:
            print(
                "signing rate: skipped, it is measured on PostgreSQL only"
                " (DATABASE_URL=postgres://… make bench)"
            )
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
