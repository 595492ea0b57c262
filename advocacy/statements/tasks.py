"""Background work for statements: drawing quote cards, never inside a request."""

from functools import partial

from django.db import transaction
from django.tasks import task

from . import cards
from .models import Statement


@task()
def draw_statement_cards(statement_id, revision_id=None):
    """Draw and store the cards of a published statement's live revision.

    Does nothing for a revision that is no longer live, and deletes whatever it stored
    if the statement stopped being public while it drew (an unpublish racing the task)."""
    statement = (
        Statement.objects.published().select_related("speaker").filter(pk=statement_id).first()
    )
    if statement is None:
        cards.delete_cards(statement_id)
        return "not public"
    if revision_id is not None and statement.live_revision_id != revision_id:
        return "newer revision live"
    cards.draw_cards(statement)
    still_live = Statement.objects.published().filter(
        pk=statement_id, live_revision_id=statement.live_revision_id
    )
    if not still_live.exists():
        cards.delete_cards(statement_id)
        return "unpublished while drawing"
    return "drawn"


def enqueue_cards(statement_id, revision_id=None):
    """Draw the cards in the background once the current transaction has committed."""
    transaction.on_commit(
        partial(draw_statement_cards.enqueue, statement_id, revision_id), robust=True
    )
