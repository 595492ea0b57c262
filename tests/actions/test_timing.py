"""Issue 9, item 4: a sign request does the same visible work whoever the address is.

The view validates, enqueues one background task and redirects; the task decides. The
benchmark (`make bench`) measures the times; these tests pin down the work.
"""

import logging

import pytest

from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, connection
from django.tasks import task_backends
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from advocacy.actions.factories import SignatureFactory
from advocacy.actions.models import Signature

from .signer import confirmation_link, last_mail, sign

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def signed_states(petition):
    SignatureFactory(call_to_action=petition, email="pending@example.org")
    SignatureFactory(call_to_action=petition, email="confirmed@example.org", confirmed=True)
    return {
        "new": "new@example.org",
        "pending": "pending@example.org",
        "confirmed": "confirmed@example.org",
    }


@override_settings(TASKS=DUMMY_TASKS)
def test_new_pending_and_confirmed_addresses_get_the_same_request_work(client, petition):
    addresses = signed_states(petition)
    client.get("/act/")  # warm the site and page-address caches, as any earlier visit does
    seen = {}

    for state, email in addresses.items():
        before = len(task_backends["default"].results)
        with CaptureQueriesContext(connection) as queries:
            response = sign(client, petition, email=email)
        enqueued = task_backends["default"].results[before:]
        seen[state] = (
            response.status_code,
            response["Location"],
            len(queries),
            [result.task.name for result in enqueued],
        )
        assert not any("actions_signature" in query["sql"] for query in queries), state

    assert seen["new"] == seen["pending"] == seen["confirmed"]
    assert seen["new"][:2] == (302, "/act/let-lgbti-groups-work/check-your-email/")
    assert seen["new"][3] == ["process_signature"]
    assert Signature.objects.count() == 2  # nothing decided in the request
    assert not mail.outbox


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = DB_TASKS
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult


def run_worker(verbosity=0):
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=verbosity)


@pytest.mark.django_db(transaction=True)
def test_the_worker_decides_and_leaves_no_signer_data_in_the_task_table(client, petition, db_tasks):
    sign(client, petition)

    queued = db_tasks.objects.get()
    assert queued.args_kwargs["kwargs"]["email"] == "aruzhan@example.org"
    assert not Signature.objects.exists() and not mail.outbox

    run_worker()

    assert Signature.objects.get().email == "aruzhan@example.org"
    assert last_mail().to == ["aruzhan@example.org"]
    assert not db_tasks.objects.exists()
    assert client.post(confirmation_link(last_mail())).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_failed_sign_task_is_deleted_and_logged_without_the_signer(
    client, petition, db_tasks, caplog
):
    from unittest import mock

    caplog.set_level(logging.DEBUG)
    error = IntegrityError(
        'duplicate key value violates unique constraint "one_signature_per_email"\n'
        "DETAIL:  Key (call_to_action_id, lower(email::text))=(1, aruzhan@example.org) exists."
    )
    sign(client, petition, name="Aruzhan Example")

    with mock.patch("advocacy.actions.services.sign", side_effect=error):
        run_worker(verbosity=1)  # the worker's own log, as `make run` shows it

    assert not db_tasks.objects.exists()
    assert "A sign request failed (IntegrityError)" in caplog.text
    assert "state=FAILED" in caplog.text
    assert "SignRequestFailed: IntegrityError" in caplog.text  # the traceback, details dropped
    assert "aruzhan" not in caplog.text.lower()
    assert "Aruzhan Example" not in caplog.text


@pytest.mark.django_db(transaction=True)
def test_rows_left_by_a_stopped_worker_are_swept(client, petition, db_tasks):
    from django.tasks.base import TaskResultStatus

    sign(client, petition, email="first@example.org")
    db_tasks.objects.update(status=TaskResultStatus.SUCCESSFUL)  # finished, not yet forgotten
    sign(client, petition, email="second@example.org")

    run_worker()

    assert not db_tasks.objects.exists()


def test_the_daily_retention_job_sweeps_sign_requests_left_in_the_queue(client, petition, db_tasks):
    import datetime
    from io import StringIO

    from django.utils import timezone

    sign(client, petition, email="old@example.org")
    db_tasks.objects.update(enqueued_at=timezone.now() - datetime.timedelta(hours=49))
    sign(client, petition, email="recent@example.org")  # still waiting for the worker: kept
    out = StringIO()

    call_command("apply_signature_retention", stdout=out)

    assert [row.args_kwargs["kwargs"]["email"] for row in db_tasks.objects.all()] == [
        "recent@example.org"
    ]
    assert "Deleted 1 finished or stale sign request(s)" in out.getvalue()
