"""What a call to action and a share box have in common: a headline and a summary at an
address under /act/, drafts, revisions, preview and scheduled publishing."""

from django_countries.fields import CountryField

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import TitleFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index

from advocacy.core.listings import listing_url
from advocacy.core.translation import language_of
from advocacy.core.visibility import published

# The models whose rows share the /act/<slug>/ addresses (and so one set of slugs).
ADDRESS_MODELS = ("actions.CallToAction", "actions.ShareBox")


def slug_is_taken(slug, instance=None):
    """Whether another call to action or share box already answers at /act/<slug>/ (in the
    instance's language: a translation shares its source's slug under its own prefix).

    Each table's unique index stops a clash inside it; this stops one across the two.
    """
    for label in ADDRESS_MODELS:
        model = apps.get_model(label)
        rows = model.objects.filter(slug=slug)
        if instance is not None and instance.locale_id:
            rows = rows.filter(locale_id=instance.locale_id)
        else:
            rows = rows.filter(locale__language_code=settings.LANGUAGE_CODE)
        if isinstance(instance, model) and instance.pk:
            rows = rows.exclude(pk=instance.pk)
        if rows.exists():
            return True
    return False


class SlugOnCreationTitlePanel(TitleFieldPanel):
    """The headline fills in the slug while the action is new, never afterwards.

    Once an action's address has been shared, renaming it must not move it.
    """

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return not (self.instance and self.instance.pk)


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: live rows that have not expired."""
        return published(self)


class PublicAction(
    PreviewableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """An action readers see at /act/<slug>/ and wherever an editor places it.

    Like statements it has drafts, revisions, preview and scheduled publishing: the public
    sees only the published version, and nothing at all before it goes live.
    """

    title = models.CharField(
        _("headline"), max_length=120, help_text=_("A short call, e.g. “Let LGBTI groups work”.")
    )
    slug = models.SlugField(
        max_length=80,
        help_text=_(
            "Its address on this site: /act/<slug>/. Keep it once the action has been shared."
        ),
        verbose_name=_("slug"),
    )
    summary = models.TextField(
        max_length=400,
        help_text=_("One or two sentences shown wherever the action is placed."),
        verbose_name=_("summary"),
    )
    countries = CountryField(
        multiple=True,
        blank=True,
        help_text=_("The countries it concerns: each one's country page shows it."),
        verbose_name=_("countries"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # The card that shows it where it is placed (a body, a list of actions).
    card_template = None

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        # One address per language: a translation keeps its source's slug (/ru/act/<slug>/).
        unique_together = [("translation_key", "locale")]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="%(class)s_slug_per_locale")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Its address in its own language (/act/<slug>/, /ru/act/<slug>/ for a translation)."""
        language = language_of(self) if self.locale_id else None
        return listing_url("actions:detail", self.slug, language=language)

    def validate_unique(self, exclude=None):
        """The slug is unique in its table (the index) and across both kinds of action."""
        errors = {}
        try:
            super().validate_unique(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        checked = "slug" not in (exclude or ()) and "slug" not in errors and self.slug
        if checked and slug_is_taken(self.slug, self):
            errors["slug"] = [
                ValidationError(
                    _("Another call to action or share box already has this address."),
                    code="unique",
                )
            ]
        if errors:
            raise ValidationError(errors)
