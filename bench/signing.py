#!/usr/bin/env python
"""Sign-request timing: does the time a POST takes tell whether an address has signed?

Three cases, interleaved in a shuffled order each round: a new address, one awaiting
confirmation, one already confirmed. Each try is a full POST of the sign form through the
Django test client, with the tasks backend production uses (django-tasks-db: the request
enqueues, the worker decides later). Prints the median per case and the spread between
them (issue 9 asks for medians within 10% of each other). `make bench` runs it; alone:
`.venv/bin/python bench/signing.py` (add `--inline` to compare with deciding in the request).
"""

import gc
import itertools
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advocacy.settings.test")

ROUNDS = 100
WARM_UP = 10
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


INLINE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def sign_timing(rounds=ROUNDS, tasks=DB_TASKS):
    """Median seconds of a sign POST per case, over ``rounds`` interleaved tries each.

    ``tasks=INLINE_TASKS`` runs the decision inside the request, as the site did before
    issue 9: a comparison, showing what the benchmark catches.
    """
    from django_tasks_db.models import DBTaskResult

    from django.test import Client, override_settings

    from advocacy.actions.factories import CallToActionFactory, SignatureFactory
    from advocacy.actions.models import CallToAction

    action = CallToAction.objects.filter(slug="bench-sign-timing").first() or (
        CallToActionFactory(slug="bench-sign-timing", title="Bench sign timing")
    )
    action.signatures.all().delete()
    SignatureFactory(call_to_action=action, email="waiting@example.org")
    SignatureFactory(call_to_action=action, email="counted@example.org", confirmed=True)
    url = action.get_absolute_url()
    form = {
        "name": "Bench Signer",
        "country": "AM",
        "consent": "on",
        "consent_version": str(action.current_consent.version),
        "call_to_action": str(action.pk),
        "website": "",
    }
    client = Client()
    samples = {"new": [], "pending": [], "confirmed": []}
    orders = list(itertools.permutations(samples))
    random.Random(9).shuffle(orders)  # noqa: S311 (an order, not a secret)
    # No email limit: inline, the repeated addresses must keep doing their full work.
    with override_settings(TASKS=tasks, ACTIONS_EMAILS_PER_ADDRESS=0):
        for n in range(WARM_UP + rounds):
            # Every order of the three cases equally often, so none is more often first.
            cases = orders[n % len(orders)]
            address = f"10.9.{n // 200}.{n % 200}"  # the limit stays on: 4 tries per address
            client.post(url, {**form, "email": f"warm-{n}@example.org"}, REMOTE_ADDR=address)
            for case in cases:
                email = {
                    "new": f"new-{n}@example.org",
                    "pending": "waiting@example.org",
                    "confirmed": "counted@example.org",
                }[case]
                gc.disable()
                started = time.perf_counter()
                response = client.post(url, {**form, "email": email}, REMOTE_ADDR=address)
                elapsed = time.perf_counter() - started
                gc.enable()
                assert response.status_code == 302, (case, response.status_code)
                if n >= WARM_UP:
                    samples[case].append(elapsed)
            DBTaskResult.objects.all().delete()  # untimed: the worker would empty it
            gc.collect()  # untimed, so no case pays for another's garbage
    return samples


def paired_ratios(samples):
    """Each try divided by the mean of its own round, then the median per case.

    The three cases of a round run back to back, so a busy moment on a shared machine
    slows all three alike: this shows a real difference between cases even when the
    machine's load swings the plain medians.
    """
    ratios = {case: [] for case in samples}
    for times in zip(*samples.values(), strict=True):
        mean = statistics.fmean(times)
        for case, elapsed in zip(samples, times, strict=True):
            ratios[case].append(elapsed / mean)
    return {case: statistics.median(values) for case, values in ratios.items()}


def print_sign_timing(rounds=ROUNDS, inline=False):
    samples = sign_timing(rounds, INLINE_TASKS if inline else DB_TASKS)
    medians = {case: statistics.median(times) for case, times in samples.items()}
    paired = paired_ratios(samples)
    low, high = min(medians.values()), max(medians.values())
    how = "decided inside the request" if inline else "one task enqueued, decided by the worker"
    print(f"sign POST, {rounds} interleaved tries per case ({how})")
    print(f"{'case':<12}{'median':>10}{'x round':>9}")
    for case, seconds in medians.items():
        print(f"{case:<12}{seconds * 1000:>7.2f} ms{paired[case]:>9.3f}")
    spread = (max(paired.values()) - min(paired.values())) * 100
    print(
        f"spread between the medians: {(high - low) / low * 100:.1f}%;"
        f" within rounds: {spread:.1f}% (target: under 10%)"
    )


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import get_runner, setup_test_environment

    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old_config = runner.setup_databases()
    try:
        print_sign_timing()
        if "--inline" in sys.argv:
            print()
            print_sign_timing(inline=True)
    finally:
        runner.teardown_databases(old_config)


if __name__ == "__main__":
    main()
