"""Embargoed preview links: a named journalist reads one saved version of a page or a
statement before it is public, through a secret address that expires and can be revoked.

The address holds a random token; only its SHA-256 hash is stored, so the table alone
opens nothing. Each view is recorded as a time and nothing else: no address, no browser.
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# secrets.token_urlsafe(32): 32 random bytes, 43 characters of A-Z a-z 0-9 - _.
TOKEN_BYTES = 32
TOKEN_LENGTH = 43


def new_token():
    """A fresh random token, as it goes in the address (never stored)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token):
    """The stored form of a token: its SHA-256, in hex."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class EmbargoLinkQuerySet(models.QuerySet):
    def for_object(self, obj):
        """The links made for a page or a statement, whatever version they show."""
        return self.filter(base_content_type=obj.get_base_content_type(), object_id=str(obj.pk))

    def with_views(self):
        """Each link with ``view_count`` and ``last_viewed_at``."""
        return self.annotate(view_count=Count("views"), last_viewed_at=Max("views__viewed_at"))

    def active(self, now=None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class EmbargoLink(models.Model):
    """A named, expiring address that shows a journalist one saved version before it is public."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    token_hash = models.CharField(
        max_length=64, unique=True, editable=False, verbose_name=_("token hash")
    )
    # The version shown. Set to NULL when Wagtail deletes the revision (the page or the
    # statement was deleted, or old revisions were purged): the link then says it is gone.
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("revision"),
    )
    # What it was made for, kept when the revision goes, so the admin can still list it.
    base_content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("base content type")
    )
    object_id = models.CharField(max_length=255, verbose_name=_("object id"))
    object_title = models.CharField(
        max_length=255,
        help_text=_("The title when the link was made, for the admin lists."),
        verbose_name=_("object title"),
    )
    journalist_name = models.CharField(_("journalist's name"), max_length=200)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("A label only, to tell links apart: the site never writes to it."),
    )
    expires_at = models.DateTimeField(_("expires at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked at"))
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = EmbargoLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["base_content_type", "object_id"], name="embargo_object")]
        verbose_name = _("embargo link")

    def __str__(self):
        outlet = f" ({self.outlet})" if self.outlet else ""
        return f"{self.object_title} — {self.journalist_name}{outlet}"

    def status(self, now=None):
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return self.Status.EXPIRED
        return self.Status.ACTIVE

    @property
    def status_label(self):
        return self.status().label

    @property
    def is_active(self):
        return self.status() == self.Status.ACTIVE

    @property
    def content_object(self):
        """The page (specific) or statement as it stands now; None once deleted."""
        model = self.base_content_type.model_class()
        if model is None:
            return None
        found = model._default_manager.filter(pk=self.object_id).first()
        return found.specific if found is not None and hasattr(found, "specific") else found


class EmbargoLinkView(models.Model):
    """One opening of an embargo link: when, and nothing about who or from where."""

    link = models.ForeignKey(
        EmbargoLink, on_delete=models.CASCADE, related_name="views", verbose_name=_("link")
    )
    viewed_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("viewed at")
    )

    class Meta:
        ordering = ["-viewed_at"]
        verbose_name = _("embargo link view")

    def __str__(self):
        return f"{self.link_id} at {self.viewed_at:%Y-%m-%d %H:%M}"
