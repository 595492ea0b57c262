"""The "Source safety review" workflow task: a second pair of eyes on every testimony and
image before a page or a statement is published.

Members of the task's groups review (like Wagtail's group approval task). The review form
shows the automatic findings (``advocacy.newsroom.safety``) and a checklist; approving needs
every box ticked, requesting changes needs a comment. Whoever submitted the content, or wrote
the revision under review, cannot approve it: another reviewer must.

Content with no testimony and no image still waits for a reviewer, whose form says there
is nothing to review. The task does not approve itself: in the demo it is the only task of
the workflow, so its approval is also the sign-off to publish (Wagtail's default
"Moderators approval", which it replaces on the report, asked for one too). Passing by
itself would let anyone who may submit publish such content alone, and Wagtail publishes
an approved workflow as the user who submitted it.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

OWN_SUBMISSION = _(
    "You submitted this for the source-safety review (or wrote the version under review):"
    " another reviewer must approve it."
)

# What the reviewer checks by hand: what the automatic findings cannot see.
CHECKLIST = [
    (
        "check_identifying_details",
        _(
            "No testimony gives a name, place, date, job, organisation or other detail that"
            " could identify its source."
        ),
    ),
    (
        "check_source_descriptions",
        _("Every source description is vague enough that the source cannot be recognised."),
    ),
    (
        "check_images",
        _(
            "Images checked: no face, tattoo, street sign, number plate or other identifying"
            " feature shows, unless the person has consented."
        ),
    ),
    (
        "check_names",
        _("Every name found above is a public figure or has consented, or is a false alarm."),
    ),
]
CHECKLIST_FIELDS = [name for name, _label in CHECKLIST]


class SafetyApprovalForm(forms.Form):
    """Approve: every check ticked, an optional comment."""

    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea({"rows": 2}), max_length=2000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in CHECKLIST:
            self.fields[name] = forms.BooleanField(
                label=label,
                required=True,
                error_messages={
                    "required": _("Tick this check, or request changes if you cannot.")
                },
            )
        # The comment last, under the checklist.
        self.fields["comment"] = self.fields.pop("comment")


class SafetyChangesForm(forms.Form):
    """Request changes: say what must change."""

    comment = forms.CharField(
        label=_("What must change"),
        widget=forms.Textarea({"rows": 3}),
        max_length=2000,
        help_text=_("The author sees this comment. Do not repeat a source's name in it."),
    )


def submitted_by(task_state):
    """The ids of the people who may not approve this task state: who submitted the content
    to the workflow and who wrote the revision under review."""
    ids = {task_state.workflow_state.requested_by_id, task_state.revision.user_id}
    return ids - {None}


class SourceSafetyReviewTask(AbstractGroupApprovalTask):
    """A reviewer from the chosen groups checks testimonies and images for anything that
    could identify a source, with automatic findings and a checklist."""

    class Meta:
        verbose_name = _("source safety review")
        verbose_name_plural = _("source safety reviews")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups check testimonies and images for anything that"
            " could identify a source; nobody approves their own submission."
        )

    def is_own_submission(self, task_state, user):
        return task_state is not None and user.pk in submitted_by(task_state)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if not actions:
            return []
        # Both actions open a form: approving shows the findings and the checklist.
        changes = [("reject", gettext("Request changes"), True)]
        approve = [("approve", gettext("Approve after safety review"), True)]
        if self.is_own_submission(obj.current_workflow_task_state, user):
            return changes
        return changes + approve

    def get_form_for_action(self, action):
        if action == "approve":
            return SafetyApprovalForm
        return SafetyChangesForm

    def get_template_for_action(self, action):
        return "newsroom/safety/review_action_modal.html"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        comment = kwargs.get("comment", "")
        if action_name == "approve":
            # The editor's action menu posts the modal's data back as JSON: check it again.
            if self.is_own_submission(task_state, user):
                raise PermissionDenied(OWN_SUBMISSION)
            if not all(kwargs.get(name) is True for name in CHECKLIST_FIELDS):
                raise PermissionDenied(gettext("Every check must be ticked to approve."))
            task_state.approve(user=user, comment=comment)
        elif action_name == "reject":
            if not comment.strip():
                raise PermissionDenied(gettext("Say what must change."))
            task_state.reject(user=user, comment=comment)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        # Not one's own submissions: they wait for another reviewer.
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)
