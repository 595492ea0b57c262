"""Keep quote cards in step with what is published (connected in StatementsConfig.ready).

Receivers only schedule: the card rules themselves live in cards.py and tasks.py."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import published, unpublished

from advocacy.people.models import Person

from . import cards
from .models import Statement
from .tasks import enqueue_cards


def forget_cards(statement_id):
    """Delete the cards at once, and again after commit (a draw may have raced the change)."""
    cards.delete_cards(statement_id)
    transaction.on_commit(partial(cards.delete_cards, statement_id), robust=True)


@receiver(published, sender=Statement, dispatch_uid="statement_cards_published")
def statement_published(sender, instance, revision=None, **kwargs):
    if not instance.live:  # scheduled for later: drawn when it goes live
        return
    cards.delete_other_revisions_cards(instance)
    enqueue_cards(instance.pk, instance.live_revision_id)


@receiver(unpublished, sender=Statement, dispatch_uid="statement_cards_unpublished")
def statement_unpublished(sender, instance, **kwargs):
    forget_cards(instance.pk)


@receiver(post_delete, sender=Statement, dispatch_uid="statement_cards_deleted")
def statement_deleted(sender, instance, **kwargs):
    forget_cards(instance.pk)


@receiver(post_save, sender=Person, dispatch_uid="statement_cards_speaker_changed")
def speaker_changed(sender, instance, created=False, raw=False, **kwargs):
    """A speaker's name or role is printed on their cards: redraw them."""
    if created or raw:
        return
    for pk, revision_id in (
        Statement.objects.published().filter(speaker=instance).values_list("pk", "live_revision_id")
    ):
        enqueue_cards(pk, revision_id)
