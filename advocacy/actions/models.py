"""Calls to action and the signatures people put on them.

A signature stores exactly what the signer typed into the form and what the site needs to
count it: the call to action, name, email (normalised), country, organisation (pledges),
whether the name may be shown, the consent text version agreed to, when it was made and
when it was confirmed, and (until it is used) a hash of its confirmation link's token.
Never an IP address, a user agent or anything else.
"""

import datetime

from django_countries.fields import CountryField

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PublishingPanel,
    TitleFieldPanel,
)
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from advocacy.core.visibility import public_page_or_none, published


def confirmation_window():
    """How long a signer has to click the confirmation link."""
    return datetime.timedelta(hours=settings.ACTIONS_CONFIRMATION_HOURS)


class SlugOnCreationTitlePanel(TitleFieldPanel):
    """The headline fills in the slug while a call to action is new, never afterwards.

    Once an action's address has been shared, renaming it must not move it.
    """

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return not (self.instance and self.instance.pk)


class CallToActionQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: live calls to action that have not expired."""
        return published(self)


class CallToAction(
    PreviewableMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """A petition, a pledge or a share / learn-more box that readers act on.

    Like statements it has drafts, revisions, preview and scheduled publishing: the public
    sees only the published version, and nothing at all before it goes live.
    """

    class Kind(models.TextChoices):
        PETITION = "petition", _("Petition")
        PLEDGE = "pledge", _("Pledge (signed on behalf of an organisation)")
        SHARE = "share", _("Share / learn more (no signatures)")

    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.PETITION,
        help_text=_("Petitions are signed by people, pledges by organisations."),
    )
    title = models.CharField(
        _("headline"), max_length=120, help_text=_("A short call, e.g. “Let LGBTI groups work”.")
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_(
            "Its address on this site: /act/<slug>/. Keep it once the action has been shared."
        ),
    )
    summary = models.TextField(
        max_length=400,
        help_text=_("One or two sentences shown wherever the action is placed."),
    )
    target = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Whom a petition or pledge addresses, e.g. “The authorities of Armenia, Belarus,"
            " Kazakhstan and Kyrgyzstan”."
        ),
    )
    countries = CountryField(
        multiple=True,
        blank=True,
        help_text=_("The countries it concerns: each one's country page shows it."),
    )
    demand = models.TextField(
        max_length=3000,
        blank=True,
        help_text=_("The words people sign. Leave a blank line between paragraphs."),
    )
    goal = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many confirmed signatures the campaign aims for."),
    )
    opens_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "Empty: open for signatures as soon as it is published. Until this time it is"
            " shown as “opens on…”; to keep it hidden until then, schedule it instead"
            " (Publish › Set schedule)."
        ),
    )
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Empty: open until someone closes it.")
    )
    closed_early_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When staff closed it before its closing date."),
    )
    thank_you = models.TextField(
        max_length=1000,
        blank=True,
        help_text=_("Shown to signers once they have confirmed their signature."),
    )
    consent_text = models.TextField(
        max_length=2000,
        blank=True,
        help_text=_(
            "What signers agree to by ticking the box: what is kept, why, for how long."
            " Changing it starts a new version; each signature records the version its"
            " signer agreed to."
        ),
    )
    show_recent_signers = models.BooleanField(
        default=False,
        help_text=_(
            "List the first names (or organisations) and countries of the latest signers who"
            " chose to be shown. Nobody is listed without ticking that box."
        ),
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Share / learn more: the page on this site the button leads to…"),
    )
    link_url = models.URLField(
        blank=True, help_text=_("…or an address on another site (https://…).")
    )
    link_text = models.CharField(
        max_length=60, blank=True, help_text=_("The button's words, e.g. “Read the report”.")
    )
    confirmed_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text=_("Confirmed signatures, kept up to date as people confirm or are erased."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="call_to_action")

    objects = CallToActionQuerySet.as_manager()

    panels = [
        FieldPanel("kind"),
        SlugOnCreationTitlePanel("title", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("target"),
                FieldPanel("countries"),
                FieldPanel("demand"),
                FieldPanel("goal"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("thank_you"),
                FieldPanel("consent_text"),
                FieldPanel("show_recent_signers"),
            ],
            heading=_("Petition or pledge"),
        ),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("Share / learn more"),
        ),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("id"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("call to action")
        verbose_name_plural = _("calls to action")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Part of the model's integrity, whatever saves it (admin, demo, shell): the text
        # a signer is shown always exists as a numbered version their signature can cite.
        if self.is_signable_kind and self.consent_text:
            ConsentVersion.objects.record(self)
        self.__dict__.pop("current_consent", None)

    def get_absolute_url(self):
        return reverse("actions:detail", args=[self.slug])

    def api_representation(self, request=None):
        """What API readers need to show the action: never its signatures, never a draft."""
        url = self.get_absolute_url()
        return {
            "id": self.pk,
            "kind": self.kind,
            "title": self.title,
            "summary": self.summary,
            "url": request.build_absolute_uri(url) if request else url,
            "status": self.status,
            "confirmed_count": self.confirmed_count if self.is_signable_kind else None,
            "goal": self.goal,
        }

    def get_preview_template(self, request, mode_name):
        return "pages/actions/call_to_action.html"

    def get_preview_context(self, request, mode_name):
        """The public page as it will look; the form is shown but a preview cannot sign."""
        context = super().get_preview_context(request, mode_name)
        context.update(
            {
                "call_to_action": self,
                "form": None,
                "notice": None,
                "recent_signers": [],
                "share_url": request.build_absolute_uri(self.get_absolute_url())
                if self.slug
                else "",
                "confirmation_hours": settings.ACTIONS_CONFIRMATION_HOURS,
                "is_preview": True,
            }
        )
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.is_signable_kind:
            needed = {
                "target": _("Say whom it addresses."),
                "demand": _("Give the words people sign."),
                "goal": _("Give a goal: how many signatures the campaign aims for."),
                "thank_you": _("Write the thank-you message signers see."),
                "consent_text": _("Signers must be told what they agree to."),
            }
            for field, message in needed.items():
                if not getattr(self, field):
                    errors[field] = message
        else:
            if not (self.link_page_id or self.link_url):
                errors["link_page"] = _("Choose a page or give an address for the button.")
            if self.pk and self.signatures.exists():
                errors["kind"] = _(
                    "People have signed it: it stays a petition or pledge. Close it instead."
                )
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("It must close after it opens.")
        if errors:
            raise ValidationError(errors)

    @property
    def kind_label(self):
        """The kind in a word, for readers."""
        return {
            self.Kind.PETITION: _("Petition"),
            self.Kind.PLEDGE: _("Pledge"),
            self.Kind.SHARE: _("Take action"),
        }[self.kind]

    @property
    def is_signable_kind(self):
        return self.kind in (self.Kind.PETITION, self.Kind.PLEDGE)

    @property
    def is_pledge(self):
        return self.kind == self.Kind.PLEDGE

    @property
    def closed_at(self):
        """When it stopped taking signatures, or None while it takes them."""
        if self.closed_early_at:
            return self.closed_early_at
        if self.closes_at and self.closes_at <= timezone.now():
            return self.closes_at
        return None

    @property
    def status(self):
        """ "scheduled", "open" or "closed"; share boxes are always "open"."""
        if not self.is_signable_kind:
            return "open"
        if self.closed_at:
            return "closed"
        if self.opens_at and self.opens_at > timezone.now():
            return "scheduled"
        return "open"

    def get_status_display(self):
        status = self.status
        if status == "scheduled":
            return _("Opens %(date)s") % {"date": timezone.localtime(self.opens_at).date()}
        return {"open": _("Open"), "closed": _("Closed")}[status]

    @property
    def is_open(self):
        return self.is_signable_kind and self.status == "open"

    @property
    def progress_percent(self):
        if not self.goal:
            return None
        return min(100, self.confirmed_count * 100 // self.goal)

    @property
    def goal_reached(self):
        return bool(self.goal) and self.confirmed_count >= self.goal

    @cached_property
    def current_consent(self):
        """The consent version a signer sees now (None when the text is empty)."""
        return self.consent_versions.order_by("-version").first()

    def recent_public_signers(self, limit=5):
        """The latest confirmed signers who chose to be shown (partial index, no scan)."""
        return list(
            self.signatures.filter(show_publicly=True, confirmed_at__isnull=False)
            .order_by("-confirmed_at")
            .only("name", "organisation", "country", "confirmed_at", "call_to_action_id")[:limit]
        )

    @property
    def link_href(self):
        """Where a share / learn-more button leads (a public page first, else the URL)."""
        page = public_page_or_none(self.link_page) if self.link_page_id else None
        if page is not None:
            return page.url
        return self.link_url or None


class ConsentVersionManager(models.Manager):
    def record(self, call_to_action):
        """Number the call to action's consent text as a new version if it changed."""
        latest = self.filter(call_to_action=call_to_action).order_by("-version").first()
        if latest is not None and latest.text == call_to_action.consent_text:
            return latest
        try:
            with transaction.atomic():
                return self.create(
                    call_to_action=call_to_action,
                    version=(latest.version + 1) if latest else 1,
                    text=call_to_action.consent_text,
                )
        except IntegrityError:
            # Two editors saved at once: the other save numbered it.
            return self.filter(call_to_action=call_to_action).order_by("-version").first()


class ConsentVersion(models.Model):
    """One wording of a call to action's consent text; each signature cites the one it agreed."""

    call_to_action = models.ForeignKey(
        CallToAction, on_delete=models.CASCADE, related_name="consent_versions"
    )
    version = models.PositiveIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConsentVersionManager()

    class Meta:
        verbose_name = _("consent text version")
        ordering = ["call_to_action", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_to_action", "version"], name="one_number_per_consent_version"
            )
        ]

    def __str__(self):
        return _("Consent text, version %(version)s") % {"version": self.version}


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
    )
    name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    country = CountryField()
    organisation = models.CharField(max_length=200, blank=True)
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
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # SHA-256 of the random token in the confirmation link, while the link is unused. The
    # token itself is never stored; confirming clears this, so a link works once.
    token_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False, default=None
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

    @property
    def consent_version_number(self):
        return self.consent.version
