"""The business rules that write: signing, confirming, closing, erasing, retention.

Views, admin views, the management command and the demo call these; nothing else writes
signatures. What only reads (a link's state, a signer's rows, the export) is in
``queries``. The rules that keep the count right live here and nowhere else:

* one signature per address and call to action is enforced by the database (a unique
  index on the lower-cased address): ``sign`` inserts and catches the IntegrityError, it
  never checks first and inserts second;
* ``CallToAction.confirmed_count`` only ever moves by an ``F()`` expression in the same
  transaction as the rows it counts, so it equals the confirmed rows whatever runs at once.
"""

import datetime
import enum
import logging
import math
import secrets
import smtplib
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import TruncDay
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import (
    CallToAction,
    ConsentVersion,
    Signature,
    confirmation_window,
    normalise_email,
)
from .queries import ConfirmOutcome, ConfirmResult, check_token, hash_token, used_link_key

logger = logging.getLogger(__name__)


class ActionNotOpen(Exception):
    """The call to action does not take signatures now (scheduled, closed, or a share box)."""


class SignOutcome(enum.Enum):
    NEW = "new"  # a row was inserted; a confirmation link was sent
    PENDING_AGAIN = "pending_again"  # row unchanged; a fresh link was sent to its address
    ALREADY_CONFIRMED = "already_confirmed"  # nothing inserted; the owner is told by email
    HELD_BACK = "held_back"  # a duplicate, and the address had its emails for this hour


@dataclass
class SignResult:
    outcome: SignOutcome
    signature: Signature
    mail_failed: bool = False


def sign(
    call_to_action,
    *,
    name,
    email,
    country,
    consent,
    confirm_url,
    organisation="",
    show_publicly=False,
):
    """Record a signature awaiting confirmation and email the link that confirms it.

    Runs in the background task ``tasks.process_signature``, never in the request, so the
    time a sign request takes says nothing about the address. ``confirm_url(token)``
    returns the absolute confirmation URL.

    A second signature with the same address (any case, any spacing) changes nothing that
    is stored: the name, country and time of the first stay, so its expiry comes. An
    unconfirmed one gets a fresh link (the old one stops working) sent to its address, a
    confirmed one a kind "you already signed" email, both within the per-address email
    limit. The caller learns which, but must not tell the person at the keyboard: only the
    owner of the address may find out whether it has signed.
    """
    if not call_to_action.is_open:
        raise ActionNotOpen(call_to_action.status)
    if consent.call_to_action_id != call_to_action.pk:
        raise ValueError("The consent version belongs to another call to action.")
    email = normalise_email(email)
    fields = {
        "name": name,
        "country": country,
        "organisation": organisation if call_to_action.is_pledge else "",
        "show_publicly": bool(show_publicly) and call_to_action.show_recent_signers,
        "consent": consent,
    }
    last_error = None
    for _attempt in range(3):
        token, token_hash = new_token()
        try:
            with transaction.atomic():
                signature = Signature.objects.create(
                    call_to_action=call_to_action, email=email, token_hash=token_hash, **fields
                )
        except IntegrityError as error:
            last_error = error
        else:
            return _email(signature, SignOutcome.NEW, confirm_url, token)
        existing = Signature.objects.for_email(email).filter(call_to_action=call_to_action).first()
        if existing is None:
            continue  # erased between the insert and the look-up: insert again
        if existing.confirmed_at is not None:
            return _email(existing, SignOutcome.ALREADY_CONFIRMED, confirm_url)
        if existing.state == Signature.State.EXPIRED:
            # Its time ran out and the retention job has not deleted it yet: it no longer
            # holds the address. The DELETE re-checks, so a row confirmed meanwhile stays.
            Signature.objects.expired().filter(pk=existing.pk).delete()
            continue
        if not _may_email(existing.email):
            # Nothing changes, not even the token: the link already sent keeps working.
            logger.info("Signature email held back: too many for one address this hour.")
            return SignResult(SignOutcome.HELD_BACK, existing)
        rotated = Signature.objects.pending().filter(pk=existing.pk).update(token_hash=token_hash)
        if not rotated:
            continue  # confirmed, expired or erased a moment ago: look again
        return _email(existing, SignOutcome.PENDING_AGAIN, confirm_url, token, counted=True)
    raise last_error


def new_token():
    """A random confirmation token (256 bits) and the hash that is stored instead of it."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def _address_key(email):
    digest = salted_hmac(
        "advocacy.actions.mail-throttle", email.lower(), algorithm="sha256"
    ).hexdigest()[:40]
    return f"actions:mail:{digest}"


def _may_email(email):
    """At most ACTIONS_EMAILS_PER_ADDRESS messages per address per hour.

    Stops anyone using the form to flood a stranger's inbox. The cache key is a keyed hash:
    no address is stored in the cache.
    """
    limit = settings.ACTIONS_EMAILS_PER_ADDRESS
    if not limit:
        return True
    key = _address_key(email)
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= limit


def _email(signature, outcome, confirm_url, token=None, counted=False):
    """Send the message for this outcome to the stored address (within the hourly limit)."""
    if not counted and not _may_email(signature.email):
        logger.info("Signature email held back: too many for one address this hour.")
        return SignResult(outcome, signature)
    call_to_action = signature.call_to_action
    left = signature.created_at + confirmation_window() - timezone.now()
    context = {
        "signature": signature,
        "call_to_action": call_to_action,
        "hours": max(1, math.ceil(left.total_seconds() / 3600)),
    }
    if outcome is SignOutcome.ALREADY_CONFIRMED:
        template = "actions/email/already_signed"
    else:
        template = "actions/email/confirm"
        context["url"] = confirm_url(token)
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    try:
        EmailMessage(subject=subject, body=body, to=[signature.email]).send()
    except (OSError, smtplib.SMTPException) as error:
        # Only the kind of failure: SMTP errors quote the recipient's address.
        logger.error("Could not send the signature email (%s).", type(error).__name__)
        return SignResult(outcome, signature, mail_failed=True)
    return SignResult(outcome, signature)


def confirm(token):
    """Confirm the signature the token names; the count rises by one, exactly once.

    The token is used up: the stored hash is cleared, so nothing ties the link (in a mail
    log, a browser history) to the signature any more.
    """
    result = check_token(token)
    if result.outcome is not ConfirmOutcome.READY:
        return result
    signature = result.signature
    token_hash = hash_token(token)
    # Remembered before the token is cleared, so a second press at the same moment finds
    # either the row or this note, never neither.
    cache.set(
        used_link_key(token_hash),
        signature.call_to_action_id,
        timeout=int(confirmation_window().total_seconds()),
    )
    now = timezone.now()
    with transaction.atomic():
        # The conditions are repeated in the UPDATE so that two clicks at once, an erasure
        # or the retention job running at the same moment cannot count a signature twice,
        # or count one that is gone.
        confirmed = Signature.objects.filter(
            pk=signature.pk,
            token_hash=token_hash,
            confirmed_at__isnull=True,
            created_at__gte=now - confirmation_window(),
        ).update(confirmed_at=now, token_hash=None)
        if confirmed:
            CallToAction.versions_of(signature.call_to_action_id).update(
                confirmed_count=F("confirmed_count") + 1
            )
    current = Signature.objects.select_related("call_to_action").filter(pk=signature.pk).first()
    if current is None:  # erased at this very moment
        return ConfirmResult(ConfirmOutcome.INVALID)
    if confirmed:
        return ConfirmResult(ConfirmOutcome.CONFIRMED, current)
    if current.confirmed_at:
        return ConfirmResult(ConfirmOutcome.ALREADY_CONFIRMED, current)
    cache.delete(used_link_key(token_hash))
    return ConfirmResult(ConfirmOutcome.EXPIRED, current)


def close_early(call_to_action):
    """Stop a call to action taking signatures now. Returns False if it was not open."""
    if call_to_action.status == "closed":
        return False
    now = timezone.now()
    changed = CallToAction.objects.filter(
        pk=call_to_action.pk, closed_early_at__isnull=True
    ).update(closed_early_at=now)
    if changed:
        # Its translations are the same petition: they close with it.
        CallToAction.objects.filter(
            translation_key=call_to_action.translation_key, closed_early_at__isnull=True
        ).update(closed_early_at=now)
        call_to_action.closed_early_at = now
    return bool(changed)


@dataclass
class ErasureResult:
    erased: int = 0
    by_call_to_action: dict = field(default_factory=dict)  # call to action pk -> erased


def erase_signer(email):
    """Delete every signature of an address, on its owner's request.

    Confirmed ones leave the count in the same transaction, so the count stays equal to
    the confirmed signatures that exist.
    """
    email = normalise_email(email)
    if not email:
        return ErasureResult()
    with transaction.atomic():
        rows = list(
            Signature.objects.for_email(email)
            .select_for_update()
            .order_by("pk")
            .values("pk", "call_to_action_id", "confirmed_at")
        )
        if not rows:
            return ErasureResult()
        Signature.objects.filter(pk__in=[row["pk"] for row in rows]).delete()
        confirmed = Counter(row["call_to_action_id"] for row in rows if row["confirmed_at"])
        for action_id, number in confirmed.items():
            CallToAction.versions_of(action_id).update(
                confirmed_count=F("confirmed_count") - number
            )
    return ErasureResult(
        erased=len(rows),
        by_call_to_action=dict(Counter(row["call_to_action_id"] for row in rows)),
    )


@dataclass
class RetentionResult:
    expired_deleted: int
    anonymised: int


def apply_retention(now=None, dry_run=False):
    """Delete never-confirmed signatures whose link expired; anonymise old confirmed ones.

    A confirmed signature older than ACTIONS_RETENTION_DAYS loses the name, address and
    organisation, and its times are rounded to the day; the row stays so the count of
    people who signed stays right. Unconfirmed ones never counted, so deleting them changes
    no count.
    """
    now = now or timezone.now()
    expired = Signature.objects.expired(now)
    old = (
        Signature.objects.confirmed()
        .filter(created_at__lt=now - datetime.timedelta(days=settings.ACTIONS_RETENTION_DAYS))
        .exclude(email="", name="", organisation="")
    )
    if dry_run:
        return RetentionResult(expired_deleted=expired.count(), anonymised=old.count())
    with transaction.atomic():
        # The confirmation UPDATE re-checks "unconfirmed and not expired", and this DELETE
        # re-checks "unconfirmed and expired": a row confirmed a moment ago is not deleted.
        deleted, _ = expired.delete()
        anonymised = old.update(
            name="",
            email="",
            organisation="",
            show_publicly=False,
            created_at=TruncDay("created_at"),
            confirmed_at=TruncDay("confirmed_at"),
        )
    return RetentionResult(expired_deleted=deleted, anonymised=anonymised)


def number_consent_text(call_to_action):
    """The consent version a signer is shown now, numbered first if the text has none yet
    (text saved before versions were numbered)."""
    if not call_to_action.consent_text:
        return None
    return ConsentVersion.objects.record(call_to_action)
