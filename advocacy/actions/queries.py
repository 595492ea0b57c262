"""The questions the actions app answers without changing anything: what a confirmation
link would do, whose signatures an address made, the export's rows, the dashboard's figures.

Everything that writes lives in ``services``.
"""

import datetime
import enum
import hashlib
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from advocacy.core.textsafety import spreadsheet_safe

from .models import CallToAction, Signature, normalise_email


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def used_link_key(token_hash):
    """The cache key under which a used link remembers its call to action (not its signer)."""
    return f"actions:used-link:{token_hash}"


class ConfirmOutcome(enum.Enum):
    READY = "ready"  # valid link, not yet confirmed (what GET shows)
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    EXPIRED = "expired"
    CLOSED = "closed"
    INVALID = "invalid"


@dataclass
class ConfirmResult:
    outcome: ConfirmOutcome
    signature: Signature | None = None
    action: CallToAction | None = None

    @property
    def call_to_action(self):
        return self.signature.call_to_action if self.signature else self.action


TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


def check_token(token):
    """What a confirmation link would do, without doing it (for the page the link opens)."""
    if ":" in token:
        # A link from before tokens were random (signing.dumps of the row id): it no longer
        # works. Its signature simply expires; signing again sends a new link.
        return ConfirmResult(ConfirmOutcome.EXPIRED)
    if not TOKEN_SHAPE.fullmatch(token):
        return ConfirmResult(ConfirmOutcome.INVALID)
    token_hash = hash_token(token)
    signature = (
        Signature.objects.select_related("call_to_action").filter(token_hash=token_hash).first()
    )
    if signature is None:
        # Used already (the cache remembers which action, not which signature, for the
        # confirmation window), or erased, or never issued: these look the same.
        action_pk = cache.get(used_link_key(token_hash))
        action = CallToAction.objects.filter(pk=action_pk).first() if action_pk else None
        if action is not None:
            return ConfirmResult(ConfirmOutcome.ALREADY_CONFIRMED, action=action)
        return ConfirmResult(ConfirmOutcome.INVALID)
    if signature.confirmed_at:
        return ConfirmResult(ConfirmOutcome.ALREADY_CONFIRMED, signature)
    if signature.state == Signature.State.EXPIRED:
        return ConfirmResult(ConfirmOutcome.EXPIRED, signature)
    if not signature.call_to_action.is_open:
        return ConfirmResult(ConfirmOutcome.CLOSED, signature)
    return ConfirmResult(ConfirmOutcome.READY, signature)


def find_signer(email):
    """Every signature of this address, for the erasure form to show before erasing."""
    return list(
        Signature.objects.for_email(normalise_email(email))
        .select_related("call_to_action")
        .order_by("call_to_action__title")
    )


EXPORT_COLUMNS = [
    ("call_to_action", "Call to action"),
    ("name", "Name"),
    ("email", "Email"),
    ("country", "Country"),
    ("organisation", "Organisation"),
    ("show_publicly", "Name may be shown publicly"),
    ("consent_version", "Consent text version"),
    ("state", "State"),
    ("created_at", "Signed at (UTC)"),
    ("confirmed_at", "Confirmed at (UTC)"),
]


def export_rows(queryset):
    """The header, then one row per signature, every cell spreadsheet-safe. Streams."""
    yield [label for _key, label in EXPORT_COLUMNS]
    signatures = queryset.select_related("call_to_action", "consent").order_by("pk")
    for signature in signatures.iterator(chunk_size=2000):
        values = {
            "call_to_action": signature.call_to_action.title,
            "name": signature.name,
            "email": signature.email,
            "country": signature.country.code,
            "organisation": signature.organisation,
            "show_publicly": "yes" if signature.show_publicly else "no",
            "consent_version": signature.consent.version,
            # The words the admin's list shows ("Awaiting confirmation"), not the stored code.
            "state": signature.get_state_display(),
            "created_at": _iso(signature.created_at),
            "confirmed_at": _iso(signature.confirmed_at),
        }
        yield [spreadsheet_safe(values[key]) for key, _label in EXPORT_COLUMNS]


def _iso(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


@dataclass
class ActionFigures:
    call_to_action: CallToAction
    today: int
    this_week: int


def confirmed_recently(now=None):
    """Signatures confirmed today and this week (since Monday), per call to action."""
    now = timezone.localtime(now or timezone.now())
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    week = today - datetime.timedelta(days=today.weekday())
    counts = {
        row["call_to_action"]: row
        for row in Signature.objects.filter(confirmed_at__gte=week)
        .order_by()
        .values("call_to_action")
        .annotate(week=Count("pk"), today=Count("pk", filter=Q(confirmed_at__gte=today)))
    }
    actions = CallToAction.objects.order_by("-created_at", "-pk")
    return [
        ActionFigures(
            call_to_action=action,
            today=counts.get(action.pk, {}).get("today", 0),
            this_week=counts.get(action.pk, {}).get("week", 0),
        )
        for action in actions
    ]
