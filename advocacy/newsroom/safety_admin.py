"""The source-safety review in the admin: the editor tells a reviewer who submitted the
content that another reviewer must approve it (the review task hides "Approve" from them).

Imported by the newsroom's ``wagtail_hooks``, which registers these hooks."""

from django.contrib import messages

from wagtail import hooks

from .models.safety import OWN_SUBMISSION, SourceSafetyReviewTask


def _tell_the_submitter(request, obj):
    if request.method != "GET":
        return
    task_state = getattr(obj, "current_workflow_task_state", None)
    if task_state is None:
        return
    task = task_state.task.specific
    # Only a reviewer is told: anyone else could not approve anyway.
    if (
        isinstance(task, SourceSafetyReviewTask)
        and task.is_own_submission(task_state, request.user)
        and task.user_can_access_editor(obj, request.user)
    ):
        messages.warning(request, OWN_SUBMISSION)


@hooks.register("before_edit_page")
def own_submission_notice_for_pages(request, page):
    _tell_the_submitter(request, page)


@hooks.register("before_edit_snippet")
def own_submission_notice_for_snippets(request, instance):
    _tell_the_submitter(request, instance)
