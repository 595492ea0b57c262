"""Signatures under real parallel load, on PostgreSQL, through the real views.

Each worker thread holds its own database connection; a barrier releases them together so
the submissions really overlap. PostgreSQL's max_connections bounds how many threads run
at once (each takes one connection): with fewer free connections than submissions, each
thread makes several. A file lock keeps two pytest-xdist workers from doing this at once.
"""

import fcntl
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from django.core import mail
from django.db import connection, connections
from django.test import Client

from advocacy.actions import services
from advocacy.actions.factories import CallToActionFactory
from advocacy.actions.models import CallToAction, Signature

from .signer import confirmation_link, form_data

pytestmark = pytest.mark.django_db(transaction=True)

MARGIN = 10  # connections left for everything else on the server


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL: set DATABASE_URL=postgres://…")
    lock = Path(tempfile.gettempdir()) / "less-equal-actions-concurrency.lock"
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
        fcntl.flock(handle, fcntl.LOCK_UN)


def free_connections():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int"
            " - (SELECT count(*) FROM pg_stat_activity)"
        )
        return cursor.fetchone()[0] - MARGIN


def run_together(jobs, most):
    """Run the jobs on up to ``most`` threads, each with its own connection, all at once."""
    workers = max(2, min(most, len(jobs), free_connections()))
    chunks = [jobs[n::workers] for n in range(workers)]
    barrier = threading.Barrier(workers)

    def work(chunk):
        try:
            connection.ensure_connection()  # connect first, so the start is simultaneous
            barrier.wait(timeout=60)
            return [job() for job in chunk]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = [result for chunk in pool.map(work, chunks) for result in chunk]
    return workers, results


def link_sent_to(email):
    """The confirmation link in the last message sent to this address."""
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    return confirmation_link(message)


def visitor(n):
    """A browser of its own, from an address of its own (the rate limit is per address)."""
    return Client(REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}")


def test_50_simultaneous_submissions_of_one_address_make_exactly_one_row(postgres, home):
    action = CallToActionFactory()
    spellings = ["dana@example.org", "DANA@example.org", " Dana@Example.ORG ", "dana@EXAMPLE.org"]

    def submit(n):
        def job():
            data = form_data(action, email=spellings[n % len(spellings)], name=f"Dana {n}")
            return visitor(n).post(action.get_absolute_url(), data).status_code

        return job

    workers, statuses = run_together([submit(n) for n in range(50)], most=50)

    assert statuses == [302] * 50, "every submitter gets the same answer"
    assert Signature.objects.filter(call_to_action=action).count() == 1
    assert workers >= 8, f"only {workers} parallel connections were free"
    assert 1 <= len(mail.outbox) <= 3  # the per-address email limit held the rest back


def test_200_simultaneous_signers_make_200_rows_and_a_count_of_200(postgres, home):
    action = CallToActionFactory(goal=200)

    def sign_and_confirm(n):
        def job():
            browser = visitor(n)
            email = f"signer{n}@example.org"
            signed = browser.post(action.get_absolute_url(), form_data(action, email=email))
            confirmed = browser.post(link_sent_to(email))
            return signed.status_code, confirmed.status_code

        return job

    workers, results = run_together([sign_and_confirm(n) for n in range(200)], most=60)

    assert results == [(302, 200)] * 200
    assert Signature.objects.filter(call_to_action=action).count() == 200
    assert (
        Signature.objects.filter(call_to_action=action, confirmed_at__isnull=False).count() == 200
    )
    assert CallToAction.objects.get(pk=action.pk).confirmed_count == 200
    assert workers >= 8, f"only {workers} parallel connections were free"


def test_one_link_pressed_many_times_at_once_counts_once(postgres, home):
    action = CallToActionFactory()
    Client(REMOTE_ADDR="10.9.9.9").post(action.get_absolute_url(), form_data(action))
    link = link_sent_to("aruzhan@example.org")

    def press(n):
        return lambda: visitor(n).post(link).status_code

    _workers, statuses = run_together([press(n) for n in range(30)], most=30)

    assert statuses == [200] * 30
    assert CallToAction.objects.get(pk=action.pk).confirmed_count == 1


def test_erasing_while_people_confirm_leaves_the_count_right(postgres, home):
    action = CallToActionFactory()
    emails = [f"person{n}@example.org" for n in range(40)]
    for n, email in enumerate(emails):
        visitor(n).post(action.get_absolute_url(), form_data(action, email=email))
    links = {email: link_sent_to(email) for email in emails}

    def confirm(n):
        return lambda: visitor(n).post(links[emails[n]]).status_code

    def erase(n):
        return lambda: services.erase_signer(emails[n]).erased

    jobs = [confirm(n) for n in range(40)] + [erase(n) for n in range(0, 40, 2)]
    run_together(jobs, most=40)

    confirmed = Signature.objects.filter(call_to_action=action, confirmed_at__isnull=False)
    assert not Signature.objects.filter(email__in=emails[0::2]).exists()
    assert CallToAction.objects.get(pk=action.pk).confirmed_count == confirmed.count() == 20
