import datetime

from django_countries.fields import CountryField

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.dates import MONTHS
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from advocacy.core.blocks import StoryBlock, body_plain_text
from advocacy.core.choices import ChoiceLabelsMixin
from advocacy.core.pages import BasePage, StoryPageMixin
from advocacy.core.sourcing import SourcedMixin, normalised
from advocacy.core.translation import localized_pages
from advocacy.core.visibility import annotate_public_page
from countries.dossier import CountryDossier
from countries.facts import (
    ALLOWED_STATUSES,
    LIMITING_WORDS,
    SYMBOLS,
    TONE_LABELS,
    TONES,
    YEAR_TOPICS,
    Status,
    Topic,
)
from countries.languages import reader_languages

EARLIEST_YEAR = 1900


def not_in_the_future(year):
    if year is not None and year > timezone.now().year:
        raise ValidationError(
            _("%(year)s is in the future: give the year it happened."), params={"year": year}
        )


class CountryPage(StoryPageMixin, BasePage):
    """One country the report covers: its facts, its story and its timeline."""

    iso_code = CountryField(
        verbose_name=_("country code"),
        help_text=_("The country (ISO 3166-1 code); one page per country in each language."),
    )
    summary = models.TextField(
        max_length=600,
        help_text=_("Two or three sentences on the situation in this country."),
        verbose_name=_("summary"),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Optional photograph at the top of the page; its alt text is read out."),
        verbose_name=_("hero image"),
    )
    hero_credit = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Who took the photograph."),
        verbose_name=_("hero credit"),
    )
    body = StreamField(
        StoryBlock(),
        blank=True,
        help_text=_("The country's story, quotes and figures."),
        verbose_name=_("body"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("iso_code"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_credit")], heading=_("Image")),
        InlinePanel(
            "facts",
            heading=_("Facts"),
            label=_("Fact"),
            help_text=_(
                "One per topic; each with the source's exact words it rests on. A date it was"
                " checked is shown only when you give one."
            ),
        ),
        FieldPanel("body"),
        InlinePanel(
            "events",
            heading=_("Timeline"),
            label=_("Event"),
            help_text=_("Shown in date order, whatever order you add them in."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("events", [index.SearchField("description")]),
        index.RelatedFields("facts", [index.SearchField("note")]),
    ]
    api_fields = [
        APIField("iso_code"),
        APIField("summary"),
        APIField("body"),
        APIField("facts"),
        APIField("events"),
    ]

    parent_page_types = ["countries.CountryIndexPage"]
    subpage_types = []
    template = "pages/countries/country_page.html"
    show_in_site_search = True

    class Meta:
        verbose_name = _("country page")

    def clean(self):
        super().clean()
        if not self.iso_code:
            return
        clash = (
            CountryPage.objects.filter(iso_code=self.iso_code, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .first()
        )
        if clash is not None:
            raise ValidationError(
                {
                    "iso_code": _(
                        "“%(title)s” already uses this country in this language: each country"
                        " has one page per language."
                    )
                    % {"title": clash.title}
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        dossier = CountryDossier.for_page(self)
        # A source the public cannot open (an embargoed release, a draft chapter) is not
        # named at all: each row's query says whether its source is public.
        facts = {
            fact.topic: fact
            for fact in annotate_public_page(self.facts.select_related("source"), "source")
        }
        events = dossier.timeline
        rows = [*facts.values(), *events]
        # Each public source in this page's language where it has a live version: one query.
        versions = localized_pages([r.source for r in rows if r.source_is_public], self.locale)
        for row in rows:
            row.public_source = versions[row.source_id] if row.source_is_public else None
        context["facts"] = [facts.get(topic) or EmptyFact(topic) for topic in Topic]
        context["has_facts"] = bool(facts)
        context["events"] = events
        context["chapters"] = dossier.chapters
        context["statements"] = dossier.statements
        context["testimonies"] = dossier.testimonies
        context["calls_to_action"] = dossier.calls_to_action
        context["reader_languages"] = reader_languages(self, request)
        return context

    @property
    def summary_text(self):
        return self.summary

    @property
    def search_snippet_text(self):
        return f"{self.summary} {body_plain_text(self.body)}"

    @property
    def og_image(self):
        return self.hero_image

    @cached_property
    def name(self):
        return self.title


class EmptyFact:
    """A topic with no fact recorded: the page says so rather than showing a blank box."""

    source = None
    public_source = None
    last_checked = None
    year = None
    note = ""
    source_excerpt = ""
    source_name = ""
    source_label = ""
    status = Status.NOT_STATED

    def __init__(self, topic):
        self.topic = topic

    def get_topic_display(self):
        return Topic(self.topic).label

    def get_status_display(self):
        return _("No information recorded yet")

    status_text = property(get_status_display)

    tone = "unknown"
    symbol = SYMBOLS["unknown"]
    tone_label = TONE_LABELS["unknown"]
    recorded = False


class CountryFact(ChoiceLabelsMixin, SourcedMixin, TranslatableMixin, models.Model):
    """One structured fact about a country, with the source's words it rests on."""

    country = ParentalKey(
        CountryPage, on_delete=models.CASCADE, related_name="facts", verbose_name=_("country")
    )
    topic = models.CharField(max_length=20, choices=Topic.choices, verbose_name=_("topic"))
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        help_text=_(
            "No more than the source's words say: “Mixed / limited” when they qualify it"
            " (“a small number”, “limited”), “Stated for the region as a whole” when they are"
            " about all the countries together, “Not stated in the source” rather than guess."
        ),
        verbose_name=_("status"),
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR), not_in_the_future],
        help_text=_("For laws and constitutional amendments: the year adopted."),
        verbose_name=_("year"),
    )
    note = models.CharField(
        max_length=300, blank=True, help_text=_("One line of detail."), verbose_name=_("note")
    )
    source = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The report chapter or press release that says so."),
        verbose_name=_("source"),
    )
    last_checked = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "The day someone checked this against the source. Leave empty unless someone did:"
            " the page then gives no date."
        ),
        verbose_name=_("last checked"),
    )

    panels = [
        FieldRowPanel([FieldPanel("topic"), FieldPanel("status"), FieldPanel("year")]),
        FieldPanel("note"),
        *SourcedMixin.source_panels,
        FieldRowPanel([FieldPanel("source"), FieldPanel("last_checked")]),
    ]
    api_fields = [
        APIField("topic"),
        APIField("status"),
        APIField("year"),
        APIField("note"),
        *SourcedMixin.source_api_fields,
        APIField("last_checked"),
    ]

    class Meta:
        verbose_name = _("country fact")
        verbose_name_plural = _("country facts")
        ordering = ["topic"]
        unique_together = [("translation_key", "locale")]
        constraints = [
            models.UniqueConstraint(fields=["country", "topic"], name="one_fact_per_topic")
        ]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.get_status_display()}"

    def clean(self):
        super().clean()
        errors = {}
        allowed = ALLOWED_STATUSES.get(self.topic, [])
        if self.topic and self.status and self.status not in allowed:
            # No quotation marks around the topic: its label may carry its own (“Propaganda”
            # law), and ““Propaganda” law” is what wrapping it printed.
            errors["status"] = _(
                "For %(topic)s, choose one of: %(allowed)s. Say no more than the source's"
                " words: “Mixed / limited” when they qualify it, “Stated for the region as a"
                " whole” when they are about all the countries together."
            ) % {
                "topic": self.get_topic_display(),
                "allowed": ", ".join(str(Status(s).label) for s in allowed),
            }
        elif self.status and self.tone == "good" and self.limiting_words:
            errors["status"] = _(
                "The source's words say “%(words)s”: that is not protective. Choose “Mixed /"
                " limited” (or the status the words state), or “Stated for the region as a"
                " whole” when they are about all the countries together."
            ) % {"words": self.limiting_words[0].strip()}
        if self.status and self.status != Status.NOT_STATED and not self.source_excerpt.strip():
            errors["source_excerpt"] = _(
                "Copy the source's exact words this status rests on, so readers can check it;"
                " or choose “Not stated in the source”."
            )
        if self.year and self.topic not in YEAR_TOPICS:
            errors["year"] = _("Only laws and constitutional amendments take a year.")
        if self.last_checked and self.last_checked > timezone.now().date():
            errors["last_checked"] = _("The date it was checked cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def limiting_words(self):
        """The words in the excerpt that rule out a protective status (see facts.py)."""
        text = normalised(self.source_excerpt).casefold()
        return [word for word in LIMITING_WORDS if word in text]

    @property
    def status_text(self):
        """The status as printed: “Not stated in the press release” when the editor named
        the source, else the status's label."""
        if self.status == Status.NOT_STATED and self.source_name:
            return _("Not stated in %(source)s") % {"source": self.source_name}
        return self.get_status_display()

    @property
    def recorded(self):
        return True

    @property
    def tone(self):
        return TONES[Status(self.status)]

    @property
    def symbol(self):
        return SYMBOLS[self.tone]

    @property
    def tone_label(self):
        return TONE_LABELS[self.tone]


class TimelineEvent(SourcedMixin, TranslatableMixin, models.Model):
    """Something that happened, dated as precisely as the source allows, with its words."""

    country = ParentalKey(
        CountryPage, on_delete=models.CASCADE, related_name="events", verbose_name=_("country")
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(EARLIEST_YEAR), not_in_the_future], verbose_name=_("year")
    )
    month = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(n, MONTHS[n]) for n in range(1, 13)],
        help_text=_("Leave empty when the source gives only the year."),
        verbose_name=_("month"),
    )
    day = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Leave empty when the source gives only the month."),
        verbose_name=_("day"),
    )
    description = models.CharField(
        max_length=300,
        help_text=_("What happened, in one sentence."),
        verbose_name=_("description"),
    )
    source = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The page on this site that reports it."),
        verbose_name=_("source"),
    )
    # year*10000 + month*100 + day, unknown parts as 0: "2015" sorts before "May 2015".
    sort_key = models.PositiveIntegerField(
        editable=False, default=0, db_index=True, verbose_name=_("sort key")
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("month"), FieldPanel("day")]),
        FieldPanel("description"),
        *SourcedMixin.source_panels,
        FieldPanel("source"),
    ]
    api_fields = [
        APIField("year"),
        APIField("month"),
        APIField("day"),
        APIField("description"),
        *SourcedMixin.source_api_fields,
    ]

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["sort_key", "pk"]
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return f"{self.date_label}: {self.description}"

    def save(self, *args, **kwargs):
        self.sort_key = self.date_key
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.day and not self.month:
            raise ValidationError({"month": _("Give the month too, or leave the day empty.")})
        if self.year and self.month and self.day:
            try:
                datetime.date(self.year, self.month, self.day)
            except ValueError:
                raise ValidationError(
                    {
                        "day": _("%(month)s %(year)s has no day %(day)s.")
                        % {
                            "month": MONTHS[self.month],
                            "year": self.year,
                            "day": self.day,
                        }
                    }
                ) from None

    @property
    def date_key(self):
        return (self.year or 0) * 10000 + (self.month or 0) * 100 + (self.day or 0)

    @property
    def date_label(self):
        """In the reader's language: “25 November 2015” / “25 ноября 2015” (genitive month),
        “May 2015” / “май 2015”, or the year."""
        if self.month and self.day:
            return format_date(datetime.date(self.year, self.month, self.day), "j E Y")
        if self.month:
            return format_date(datetime.date(self.year, self.month, 1), "F Y")
        return str(self.year)

    @property
    def iso_date(self):
        """Partial ISO 8601 for <time datetime>: 2015, 2015-05 or 2015-05-25."""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)
