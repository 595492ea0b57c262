"""Background work for signatures: a sign request is decided here, never in the request.

The sign view validates the form, enqueues ``process_signature`` once and answers with the
same redirect whatever the address has done before. Whether the address is new, awaiting
confirmation or confirmed (insert, fresh link, "already signed" email, or nothing) is
decided by the worker, so the response time tells a stranger nothing.

django-tasks-db keeps a task's arguments (here a name and an email address) in its table.
A finished sign task's row is deleted as soon as the worker has recorded the result
(``forget_finished_sign_request``), leftovers are swept by the next sign task and by the
retention job, and a failure is recorded without the signer's details.
"""

import logging

from django.dispatch import receiver
from django.tasks import task
from django.tasks.base import TaskResultStatus
from django.tasks.signals import task_finished
from django.utils import translation

from advocacy.core.listings import listing_url

from . import services
from .models import CallToAction, ConsentVersion

logger = logging.getLogger(__name__)


class SignRequestFailed(Exception):
    """A sign request could not be processed; the message names only the kind of error."""


@task()
def process_signature(
    *,
    call_to_action,
    consent,
    name,
    email,
    country,
    organisation,
    show_publicly,
    site_url,
    language,
):
    """Decide what one sign request does, and do it (see ``services.sign``)."""
    forget_finished_sign_requests()
    try:
        # Unpublished since the request was made: it takes no signatures.
        action = CallToAction.objects.published().filter(pk=call_to_action).first()
        consent_version = ConsentVersion.objects.filter(
            pk=consent, call_to_action_id=call_to_action
        ).first()
        if action is None or consent_version is None:
            return
        with translation.override(language):
            services.sign(
                action,
                name=name,
                email=email,
                country=country,
                organisation=organisation,
                show_publicly=show_publicly,
                consent=consent_version,
                confirm_url=lambda token: site_url + listing_url("actions:confirm", token),
            )
    except services.ActionNotOpen:
        logger.info("Sign request for a call to action that is not open: nothing stored.")
    except Exception as error:  # noqa: BLE001 (re-raised below, without the details)
        # Database errors quote the values they refused (an address, a name): record only
        # the kind of error, and drop the original from the traceback the worker logs.
        logger.error(
            "A sign request failed (%s); nothing about the signer is logged.",
            type(error).__name__,
        )
        raise SignRequestFailed(type(error).__name__) from None


def _database_backend():
    """The django-tasks-db backend the sign task runs on, or None (tests run it at once)."""
    from django_tasks_db.backend import DatabaseBackend

    backend = process_signature.get_backend()
    return backend if isinstance(backend, DatabaseBackend) else None


def forget_finished_sign_requests(older_than=None):
    """Delete finished sign tasks' rows (and, with ``older_than``, any older sign task's).

    Normally each row goes the moment it finishes; this catches a worker that stopped
    between recording a result and deleting it.
    """
    backend = _database_backend()
    if backend is None:
        return 0
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(
        backend_name=backend.alias, task_path=process_signature.module_path
    )
    finished = rows.filter(status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED])
    deleted, _ = finished.delete()
    if older_than is not None:
        stale, _ = rows.filter(enqueued_at__lt=older_than).delete()
        deleted += stale
    return deleted


@receiver(task_finished)
def forget_finished_sign_request(sender, task_result, **kwargs):
    """Once the worker has recorded a sign task's outcome, its row (name, email) goes."""
    if task_result.task.module_path != process_signature.module_path:
        return
    backend = _database_backend()
    if backend is None or not isinstance(backend, sender):
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_result.id).delete()
