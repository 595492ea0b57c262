"""Calls to action: petitions and pledges that people sign, and the consent texts they agree to."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.admin.widgets.slug import SlugInput
from wagtail.search import index

from advocacy.core.public_url import public_url
from advocacy.core.widgets import CountryCheckboxes

from .public_action import PublicAction, SlugOnCreationTitlePanel


class CallToAction(PublicAction):
    """A petition or a pledge: words people sign, counted towards a goal.

    A pledge is a petition signed on behalf of organisations; everything else about the two
    is the same, so they are one model and ``kind`` says which. (A box that only links
    somewhere is a ShareBox: it takes no signatures.)
    """

    class Kind(models.TextChoices):
        PETITION = "petition", _("Petition")
        PLEDGE = "pledge", _("Pledge (signed on behalf of an organisation)")

    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        default=Kind.PETITION,
        help_text=_("Petitions are signed by people, pledges by organisations."),
        verbose_name=_("kind"),
    )
    target = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Whom a petition or pledge addresses, e.g. “The authorities of Armenia, Belarus,"
            " Kazakhstan and Kyrgyzstan”."
        ),
        verbose_name=_("target"),
    )
    demand = models.TextField(
        max_length=3000,
        blank=True,
        help_text=_("The words people sign. Leave a blank line between paragraphs."),
        verbose_name=_("demand"),
    )
    goal = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How many confirmed signatures the campaign aims for: its own target, not a figure"
            " from the report. Shown on this call to action's page only, and labelled so."
        ),
        verbose_name=_("goal"),
    )
    opens_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "Empty: open for signatures as soon as it is published. Until this time it is"
            " shown as “opens on…”; to keep it hidden until then, schedule it instead: in the"
            " Status panel (the ⓘ button at the top right) choose “Set schedule”, give a"
            " “Go live date/time” and publish with “Schedule to publish”."
        ),
        verbose_name=_("opens at"),
    )
    closes_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("Empty: open until someone closes it."),
        verbose_name=_("closes at"),
    )
    closed_early_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("When staff closed it before its closing date."),
        verbose_name=_("closed early at"),
    )
    thank_you = models.TextField(
        max_length=1000,
        blank=True,
        help_text=_("Shown to signers once they have confirmed their signature."),
        verbose_name=_("thank you"),
    )
    consent_text = models.TextField(
        max_length=2000,
        blank=True,
        help_text=_(
            "What signers agree to by ticking the box: what is kept, why, for how long."
            " Changing it starts a new version; each signature records the version its"
            " signer agreed to."
        ),
        verbose_name=_("consent text"),
    )
    show_recent_signers = models.BooleanField(
        default=False,
        help_text=_(
            "List the first names (or organisations) and countries of the latest signers who"
            " chose to be shown. Nobody is listed without ticking that box."
        ),
        verbose_name=_("show recent signers"),
    )
    confirmed_count = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text=_("Confirmed signatures, kept up to date as people confirm or are erased."),
        verbose_name=_("confirmed count"),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="call_to_action")

    card_template = "components/actions/card.html"

    panels = [
        FieldPanel("kind"),
        SlugOnCreationTitlePanel("title", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("target"),
                FieldPanel("countries", widget=CountryCheckboxes),
                FieldPanel("demand"),
                FieldPanel("goal"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("thank_you"),
                FieldPanel("consent_text"),
                FieldPanel("show_recent_signers"),
            ],
            heading=_("Petition or pledge"),
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

    class Meta(PublicAction.Meta):
        verbose_name = _("call to action")
        verbose_name_plural = _("calls to action")
        ordering = ["-created_at", "-pk"]

    @classmethod
    def versions_of(cls, pk):
        """Every language's version of this call to action (itself included): one petition,
        one count (services move ``confirmed_count`` on all of them together)."""
        return cls.objects.filter(
            translation_key__in=cls.objects.filter(pk=pk).values("translation_key")
        )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Part of the model's integrity, whatever saves it (admin, demo, shell): the text
        # a signer is shown always exists as a numbered version their signature can cite.
        if self.consent_text:
            ConsentVersion.objects.record(self)

    def api_representation(self, request=None):
        """What API readers need to show the action: never its signatures, never a draft."""
        url = self.get_absolute_url()
        return {
            "id": self.pk,
            "kind": self.kind,
            "title": self.title,
            "summary": self.summary,
            "url": public_url(url),
            "status": self.status,
            "confirmed_count": self.confirmed_count,
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
                "share_url": public_url(self.get_absolute_url()) if self.slug else "",
                "confirmation_hours": settings.ACTIONS_CONFIRMATION_HOURS,
                "is_preview": True,
            }
        )
        return context

    def clean(self):
        super().clean()
        errors = {}
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
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("It must close after it opens.")
        if errors:
            raise ValidationError(errors)

    @property
    def kind_label(self):
        """The kind in a word, for readers."""
        return {self.Kind.PETITION: _("Petition"), self.Kind.PLEDGE: _("Pledge")}[self.kind]

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
        """ "scheduled", "open" or "closed"."""
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
        return self.status == "open"

    @property
    def progress_percent(self):
        if not self.goal:
            return None
        return min(100, self.confirmed_count * 100 // self.goal)

    @property
    def goal_reached(self):
        return bool(self.goal) and self.confirmed_count >= self.goal

    @property
    def current_consent(self):
        """The latest numbered consent version (None when the text is empty)."""
        return self.consent_versions.order_by("-version").first()

    def recent_public_signers(self, limit=5):
        """The latest confirmed signers who chose to be shown (partial index, no scan)."""
        return list(
            self.signatures.filter(show_publicly=True, confirmed_at__isnull=False)
            .order_by("-confirmed_at")
            .only("name", "organisation", "country", "confirmed_at", "call_to_action_id")[:limit]
        )


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
        CallToAction,
        on_delete=models.CASCADE,
        related_name="consent_versions",
        verbose_name=_("call to action"),
    )
    version = models.PositiveIntegerField(verbose_name=_("version"))
    text = models.TextField(verbose_name=_("text"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

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
