"""Release bundles: the report, its chapters, the press release, statements and calls to
action that go live together at the embargo time (Wagtail's scheduled publishing)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# What a bundle may hold: pages (report, chapters, press release) and the two snippets
# with drafts and scheduled publishing. One foreign key each, exactly one of them set.
ITEM_FIELDS = ("page", "statement", "call_to_action")


class ReleaseBundle(models.Model):
    """A launch: everything in it goes live together at the embargo time."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        RELEASED = "released", _("Released")

    name = models.CharField(
        max_length=200,
        help_text=_("What the launch is, e.g. “Less equal: report launch”."),
        verbose_name=_("name"),
    )
    embargo_at = models.DateTimeField(
        verbose_name=_("embargo ends"),
        help_text=_("When everything in the bundle goes live, all at once."),
    )
    notes = models.TextField(
        max_length=2000,
        blank=True,
        help_text=_("For the team: who does what on the day."),
        verbose_name=_("notes"),
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
        verbose_name=_("status"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    scheduled_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("scheduled at")
    )
    released_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("released at")
    )

    class Meta:
        verbose_name = _("release bundle")
        verbose_name_plural = _("release bundles")
        ordering = ["-embargo_at", "-pk"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Whole seconds: a revision keeps its go-live time to the millisecond (JSON), and the
        # bundle compares the two to see that every item is still scheduled for its time.
        if self.embargo_at is not None:
            self.embargo_at = self.embargo_at.replace(microsecond=0)
        super().save(*args, **kwargs)

    @property
    def is_active(self):
        """Draft or scheduled: its items are claimed by it."""
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT


class ReleaseBundleItem(models.Model):
    """One page, statement or call to action in a release bundle."""

    bundle = models.ForeignKey(
        ReleaseBundle, on_delete=models.CASCADE, related_name="items", verbose_name=_("bundle")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("page"),
    )
    statement = models.ForeignKey(
        "statements.Statement",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("statement"),
    )
    call_to_action = models.ForeignKey(
        "actions.CallToAction",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("call to action"),
    )
    # True while the bundle is draft or scheduled: the unique constraints below need it on
    # this row (a condition cannot reach the bundle's status through a join).
    active = models.BooleanField(default=True, editable=False, verbose_name=_("active"))
    # The item's go-live time before the bundle set it, given back when the bundle is
    # unscheduled, so a stale embargo time does not stay in the item's draft.
    previous_go_live_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("previous go live at")
    )
    scheduled_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("scheduled revision"),
    )
    added_at = models.DateTimeField(auto_now_add=True, verbose_name=_("added at"))

    class Meta:
        verbose_name = _("release bundle item")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(page__isnull=False, statement__isnull=True, call_to_action__isnull=True)
                    | Q(page__isnull=True, statement__isnull=False, call_to_action__isnull=True)
                    | Q(page__isnull=True, statement__isnull=True, call_to_action__isnull=False)
                ),
                name="bundle_item_is_one_thing",
            ),
            models.UniqueConstraint(fields=["bundle", "page"], name="bundle_holds_a_page_once"),
            models.UniqueConstraint(
                fields=["bundle", "statement"], name="bundle_holds_a_statement_once"
            ),
            models.UniqueConstraint(
                fields=["bundle", "call_to_action"], name="bundle_holds_an_action_once"
            ),
            # Two active bundles can never claim the same thing.
            models.UniqueConstraint(
                fields=["page"],
                condition=Q(active=True, page__isnull=False),
                name="one_active_bundle_per_page",
            ),
            models.UniqueConstraint(
                fields=["statement"],
                condition=Q(active=True, statement__isnull=False),
                name="one_active_bundle_per_statement",
            ),
            models.UniqueConstraint(
                fields=["call_to_action"],
                condition=Q(active=True, call_to_action__isnull=False),
                name="one_active_bundle_per_action",
            ),
        ]

    def __str__(self):
        return str(self.target)

    @property
    def target(self):
        """The page (specific), statement or call to action."""
        if self.page_id:
            return self.page.specific
        return self.statement if self.statement_id else self.call_to_action

    @property
    def kind_label(self):
        if self.page_id:
            return self.page.specific_class._meta.verbose_name
        return self.target._meta.verbose_name
