"""Background work for the press kit: rebuilt after a change has committed, never inside a
request. Many changes in one go (a launch publishing a report, its release and statements)
queue one build, not one per change."""

from django.db import transaction
from django.tasks import task
from django.tasks.base import TaskResultStatus

from . import builder


@task()
def build_press_kits():
    """Rebuild every public press page's zip from what is public now."""
    return {str(pk): outcome for pk, outcome in builder.build_all().items()}


def _queued():
    """Whether a build is already waiting for a worker (it will read the latest content)."""
    from django_tasks_db.backend import DatabaseBackend

    backend = build_press_kits.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        backend_name=backend.alias,
        task_path=build_press_kits.module_path,
        status=TaskResultStatus.READY,
    ).exists()


def _enqueue_unless_queued():
    if not _queued():
        build_press_kits.enqueue()


def enqueue_press_kit_build():
    """Rebuild the press kits in the background once the current transaction commits."""
    transaction.on_commit(_enqueue_unless_queued, robust=True)
