"""The source-safety review's findings, for the review form (``review_action_modal.html``)."""

from django import template

from advocacy.newsroom.models.safety import OWN_SUBMISSION, submitted_by
from advocacy.newsroom.safety import review_revision

register = template.Library()


@register.simple_tag(takes_context=True)
def source_safety_review(context, task_state):
    """The review of the revision that approval would publish (the latest one: an edit made
    during the review is reviewed too), and whether the viewer submitted it."""
    revision = task_state.workflow_state.content_object.get_latest_revision()
    review = review_revision(revision)
    user = context["request"].user
    review.own_submission = user.pk in submitted_by(task_state)
    review.own_submission_message = OWN_SUBMISSION
    review.revision = revision
    return review
