"""A signature: one person's, or one organisation's, name on a call to action."""

import datetime
import unicodedata

from django_countries.fields import CountryField

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .call_to_action import CallToAction, ConsentVersion


def confirmation_window():
    """How long a signer has to click the confirmation link."""
    return datetime.timedelta(hours=settings.ACTIONS_CONFIRMATION_HOURS)


def normalise_email(raw):
    """Trimmed, Unicode-normalised, the domain lower-cased (the local part is the owner's).

    Every address is normalised like this before it is stored or looked up.
    """
    value = unicodedata.normalize("NFC", raw or "").strip()
    local, at, domain = value.rpartition("@")
    if not at:
        return value
    return f"{local}@{domain.lower()}"


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self, now=None):
        """Awaiting confirmation, link still valid."""
        cutoff = (now or timezone.now()) - confirmation_window()
        return self.filter(confirmed_at__isnull=True, created_at__gte=cutoff)

    def expired(self, now=None):
        """Never confirmed, link no longer valid: these are deleted by the retention job."""
        cutoff = (now or timezone.now()) - confirmation_window()
        return self.filter(confirmed_at__isnull=True, created_at__lt=cutoff)

    def for_email(self, email):
        """Signatures of this (already normalised) address, in any letter case."""
        return self.alias(email_key=Lower("email")).filter(email_key=Lower(Value(email)))


class Signature(models.Model):
    """One person's, or one organisation's, signature on a call to action."""

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        EXPIRED = "expired", _("Expired (never confirmed)")

    call_to_action = models.ForeignKey(
        CallToAction,
        # No signature is lost by deleting its call to action: close it instead. Signers are
        # erased on request, and old ones anonymised, through the services.
        on_delete=models.PROTECT,
        related_name="signatures",
        # The composite indexes below start with this column.
        db_index=False,
        verbose_name=_("call to action"),
    )
    name = models.CharField(max_length=100, blank=True, verbose_name=_("name"))
    email = models.EmailField(max_length=254, blank=True, verbose_name=_("email"))
    country = CountryField(verbose_name=_("country"))
    organisation = models.CharField(max_length=200, blank=True, verbose_name=_("organisation"))
    show_publicly = models.BooleanField(
        _("name may be shown publicly"),
        default=False,
    )
    consent = models.ForeignKey(
        ConsentVersion,
        on_delete=models.RESTRICT,
        related_name="signatures",
        verbose_name=_("consent text version"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("confirmed at"))
    # SHA-256 of the random token in the confirmation link, while the link is unused. The
    # token itself is never stored; confirming clears this, so a link works once.
    token_hash = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        default=None,
        verbose_name=_("token hash"),
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        ordering = ["-created_at", "-pk"]
        permissions = [("export_signature", _("Can export signatures to CSV"))]
        constraints = [
            # One person, one signature: the database refuses a second row for the same
            # address in any letter case. Anonymised rows (email "") no longer count as
            # anyone's address.
            models.UniqueConstraint(
                F("call_to_action"),
                Lower("email"),
                condition=~Q(email=""),
                name="one_signature_per_email",
            ),
        ]
        indexes = [
            models.Index(fields=["call_to_action", "confirmed_at"], name="signature_action_conf"),
            models.Index(fields=["confirmed_at"], name="signature_confirmed_at"),
            models.Index(fields=["created_at"], name="signature_created_at"),
            models.Index(
                fields=["call_to_action", "-confirmed_at"],
                condition=Q(show_publicly=True, confirmed_at__isnull=False),
                name="signature_public_recent",
            ),
        ]

    def __str__(self):
        return self.name or _("Anonymised signature")

    @property
    def state(self):
        if self.confirmed_at:
            return self.State.CONFIRMED
        if self.created_at < timezone.now() - confirmation_window():
            return self.State.EXPIRED
        return self.State.PENDING

    def get_state_display(self):
        return self.State(self.state).label

    @property
    def public_label(self):
        """What the public list shows: an organisation, or a first name only."""
        if self.organisation:
            return self.organisation
        return self.name.split()[0] if self.name.split() else ""
