from http import HTTPMethod
from urllib.parse import urljoin

from django_countries.fields import CountryField

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import Truncator, slugify
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from advocacy.core import dates, textsafety
from advocacy.core.choices import ChoiceLabelsMixin
from advocacy.core.countries import public_countries
from advocacy.core.listings import ListingPageMixin
from advocacy.core.pages import BasePage
from advocacy.core.public_url import public_url
from advocacy.core.translation import (
    language_of,
    localize_source_pages,
    localized_page,
    original_of,
    prefetch_originals,
)
from advocacy.core.visibility import public_page_or_none, published
from advocacy.core.widgets import CountryCheckboxes
from advocacy.people.models import LANGUAGE_CHOICES

from .serializers import CardURLField, PermalinkField

# Characters that change text direction or hide text (advocacy.core.textsafety): stripped
# from slugs and card drawings, kept in the stored words (which are always shown escaped).
BIDI_CONTROLS = textsafety.INVISIBLE


# The language the words were said in, or "not stated": a testimony quoted in an English
# release may have been said in Russian and translated, and the release does not say.
LANGUAGE_NOT_STATED = ""
STATEMENT_LANGUAGES = [(LANGUAGE_NOT_STATED, _("Not stated in the source")), *LANGUAGE_CHOICES]


# A quotation that ends a question, an exclamation or a trailing-off keeps its mark before
# “said …”; any other ending (a full stop, a colon, nothing) becomes the comma that runs the
# words into their attribution: “… were too great,” said …  (never “… too great.” said).
KEEPS_ITS_ENDING = ("?", "!", "…", "...")


def quoted_for_citation(words):
    """The words as they stand inside a citation's quotation marks, before “said …”."""
    words = words.rstrip()
    if words.endswith(KEEPS_ITS_ENDING):
        return words
    return words.rstrip(".,;:") + ","


def withheld_note(reason=""):
    """“name withheld”, or “name withheld: <the source's reason>”."""
    reason = (reason or "").strip()
    if reason:
        return _("name withheld: %(reason)s") % {"reason": reason}
    return _("name withheld")


class Topic(models.Model):
    """A subject statements are filed under, for journalists' filters."""

    name = models.CharField(max_length=100, unique=True, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=100, unique=True, help_text=_("Used in filter links."), verbose_name=_("slug")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


# Newest dated first, undated last (PostgreSQL would otherwise put NULL dates first): the
# order of the desk, feeds, CSV, API and country pages.
NEWEST_FIRST = [models.F("date_said").desc(nulls_last=True), "-pk"]


class StatementQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """What the public may see: live statements that have not expired."""
        return published(self)

    def with_relations(self):
        """Speaker, source page and topics, fetched up front (countries: see
        Statement.load_public_countries)."""
        return self.select_related("speaker", "source_page", "locale").prefetch_related("topics")


class Statement(
    ChoiceLabelsMixin,
    WorkflowMixin,
    PreviewableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """Words someone said, citable with who said them, in what role, when and where.

    Statements can go through a workflow (WorkflowMixin; Wagtail requires LockableMixin
    beside it for snippets): the demo gives them the source-safety review of
    advocacy.newsroom, for the words of anonymous sources."""

    text = models.TextField(
        max_length=5000,
        verbose_name=_("exact words"),
        help_text=_("Word for word, without the surrounding quotation marks."),
    )
    language = models.CharField(
        max_length=10,
        choices=STATEMENT_LANGUAGES,
        blank=True,
        default=LANGUAGE_NOT_STATED,
        help_text=_(
            "The language the words were said in, when the source says so or you know it;"
            " otherwise “Not stated in the source” (quoted words may be a translation)."
        ),
        verbose_name=_("language"),
    )
    speaker = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text=_("Who said it. Leave empty for an anonymous source."),
        verbose_name=_("speaker"),
    )
    speaker_role = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Their role when they said it; filled from the person when left empty."),
        verbose_name=_("speaker role"),
    )
    speaker_organisation = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Their organisation when they said it; filled from the person when empty."),
        verbose_name=_("speaker organisation"),
    )
    anonymous_source = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "For a source who must not be identified: describe them without a name, employer"
            " or detail that could identify them, e.g. “a prominent LGBTI activist in Belarus”."
        ),
        verbose_name=_("anonymous source"),
    )
    anonymity_reason = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("why the name is withheld"),
        help_text=_(
            "Only when the source gives a reason, in its words, e.g. “at their request”. Left"
            " empty, the site says “name withheld” and gives no reason."
        ),
    )
    date_said = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "When the words were said or first published. Leave empty when the source gives"
            " no date: the site then says “date not given in the source”."
        ),
        verbose_name=_("date said"),
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The press release, chapter or page on this site it comes from."),
        verbose_name=_("source page"),
    )
    source_description = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Where it was said when that is not a page here, e.g. an event."),
        verbose_name=_("source description"),
    )
    countries = CountryField(
        multiple=True,
        blank=True,
        help_text=_(
            "The countries it concerns: their country pages show it, and journalists filter"
            " by them."
        ),
        verbose_name=_("countries"),
    )
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="statements", verbose_name=_("topics")
    )
    context_note = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Optional context, e.g. “speaking at the launch of the report”."),
        verbose_name=_("context note"),
    )
    slug = models.SlugField(
        max_length=80,
        blank=True,
        allow_unicode=True,
        help_text=_("Made from the words if empty."),
        verbose_name=_("slug"),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="statement")
    # Deleting a statement deletes its workflow history (Wagtail's advice for snippets).
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="statement",
        for_concrete_model=False,
    )

    objects = StatementQuerySet.as_manager()
    # What a page quoting it reads besides the row (advocacy.core.blocks.PlacedSnippetBlock).
    placed_select_related = ("speaker",)

    panels = [
        FieldPanel("text"),
        FieldPanel("language"),
        MultiFieldPanel(
            [
                FieldPanel("speaker"),
                FieldRowPanel([FieldPanel("speaker_role"), FieldPanel("speaker_organisation")]),
            ],
            heading=_("Named speaker"),
        ),
        MultiFieldPanel(
            [FieldPanel("anonymous_source"), FieldPanel("anonymity_reason")],
            heading=_("…or anonymous source"),
        ),
        MultiFieldPanel(
            [FieldPanel("date_said"), FieldPanel("source_page"), FieldPanel("source_description")],
            heading=_("When and where"),
        ),
        FieldPanel("countries", widget=CountryCheckboxes),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("context_note"),
        FieldPanel("slug"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("text"),
        index.SearchField("anonymous_source"),
        index.SearchField("context_note"),
        index.RelatedFields("speaker", [index.SearchField("name")]),
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("locale_id"),
        index.FilterField("language"),
        index.FilterField("date_said"),
    ]
    api_fields = [
        APIField("text"),
        APIField("language"),
        APIField("speaker_name"),
        APIField("speaker_role"),
        APIField("speaker_organisation"),
        APIField("anonymous_source"),
        APIField("anonymity_reason"),
        APIField("date_said"),
        APIField("date_label"),
        APIField("country_codes"),
        APIField("topic_slugs"),
        APIField("context_note"),
        APIField("translated_from"),
        APIField("original_permalink"),
        APIField("permalink", serializer=PermalinkField(read_only=True)),
        APIField("card_urls", serializer=CardURLField(read_only=True)),
    ]

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = NEWEST_FIRST
        unique_together = [("translation_key", "locale")]
        indexes = [models.Index(fields=["live", "-date_said"], name="statement_live_date")]

    def __str__(self):
        return Truncator(self.text).chars(60)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The permalink, in the language of its words (/statements/12-words/ for English,
        /ru/statements/57-…/ for a Russian translation): one address per version."""
        language = language_of(self) if self.locale_id else settings.LANGUAGE_CODE
        return QuoteDeskPage.url_for(
            "statement_detail", language=language, pk=self.pk, slug=self.slug or "-"
        )

    def clean(self):
        super().clean()
        named = self.speaker_id is not None
        anonymous = bool(self.anonymous_source.strip())
        if named and anonymous:
            raise ValidationError(
                {
                    "anonymous_source": _(
                        "Choose a speaker or describe an anonymous source, not both."
                    )
                }
            )
        if not named and not anonymous:
            raise ValidationError(
                {"speaker": _("Choose who said it, or describe the anonymous source.")}
            )
        if named and self.anonymity_reason:
            raise ValidationError(
                {"anonymity_reason": _("A named speaker's name is not withheld: leave this empty.")}
            )
        if anonymous and (self.speaker_role or self.speaker_organisation):
            raise ValidationError(
                {
                    "speaker_role": _(
                        "An anonymous source has no role or organisation here: put what can be"
                        " said safely in the description."
                    )
                }
            )
        if named:
            # Keep the role held when the words were said, whatever the person's job later.
            self.speaker_role = self.speaker_role or self.speaker.role
            self.speaker_organisation = self.speaker_organisation or self.speaker.organisation

    def make_slug(self):
        words = BIDI_CONTROLS.sub("", self.text).split()[:8]
        return slugify(" ".join(words), allow_unicode=True)[:80].strip("-") or "statement"

    # -- translation ---------------------------------------------------------------------
    @cached_property
    def original(self):
        """The statement this one translates (the words as said), or None for an original."""
        return original_of(self)

    @property
    def is_translation(self):
        return self.original is not None

    @property
    def text_language(self):
        """The language of ``text`` as stored: a translation's locale; else the language the
        words were said in."""
        return language_of(self) if self.is_translation else self.language

    @property
    def row_language(self):
        """The language of the row's own words (attribution, context): its locale's."""
        return language_of(self)

    @property
    def translated_from(self):
        """The language code of the words a translation was made from, else None: the
        original's language, or, where the source does not say what language the words were
        said in, the language they are published in (its locale's)."""
        if not self.is_translation:
            return None
        return self.original.text_language or language_of(self.original)

    @property
    def original_permalink(self):
        """The original words' permalink (a path), for a translation; else None."""
        return self.original.get_absolute_url() if self.is_translation else None

    def translation_note(self, absolute=str):
        """For a translation's citation: “ Translated from English; original: <permalink>.”"""
        if not self.is_translation:
            return ""
        permalink = absolute(self.original_permalink)
        if self.translated_from == "en":  # the usual case, said in the reader's language
            return " " + _("Translated from English; original: %(permalink)s.") % {
                "permalink": permalink
            }
        name = get_language_info(self.translated_from)["name_translated"]
        return " " + _("Translated from %(language)s; original: %(permalink)s.") % {
            "language": name,
            "permalink": permalink,
        }

    # -- what a citation says ------------------------------------------------------------
    @property
    def speaker_name(self):
        return self.speaker.name if self.speaker_id else None

    @property
    def attribution(self):
        """Who said it, as printed: “Name, Role at Organisation” or the source's description."""
        if not self.speaker_id:
            return self.anonymous_source
        role = self.role_line
        return f"{self.speaker.name}, {role}" if role else self.speaker.name

    @property
    def language_label(self):
        """“English”, or “Not stated in the source”."""
        return self.get_language_display() if self.language else STATEMENT_LANGUAGES[0][1]

    @property
    def withheld_note(self):
        """What stands beside an anonymous source: “name withheld”, with the reason only
        when an editor gave the source's one."""
        return withheld_note(self.anonymity_reason)

    @property
    def role_line(self):
        if self.speaker_role and self.speaker_organisation:
            return gettext("{role} at {organisation}").format(
                role=self.speaker_role, organisation=self.speaker_organisation
            )
        return self.speaker_role or self.speaker_organisation

    @property
    def searchable_text(self):
        """What a page quoting it is found by (advocacy.core.blocks.PullQuoteBlock)."""
        return f"{self.text} {self.attribution}"

    def api_representation(self, request=None):
        """How a page quoting it shows it in the API."""
        return {"id": self.pk, "text": self.text, "attribution": self.attribution}

    @property
    def date_label(self):
        """“25 November 2026”, or “date not given in the source” (advocacy.core.dates)."""
        return dates.date_label(self.date_said)

    @property
    def said_on(self):
        """The date as a citation words it after the attribution: “, on 25 November 2026” or,
        with no date in the source, “ (date not given in the source)”."""
        if self.date_said is None:
            return f" ({dates.DATE_NOT_GIVEN})"
        return gettext(", on {date}").format(date=self.date_label)

    def citation(self, permalink):
        """The house citation: “exact words,” said Name, Role at Organisation, on 25 November
        2026. Source: permalink. The words are stored exactly as said; only the closing
        punctuation before the attribution follows the house style (see quoted_for_citation)."""
        absolute = (lambda path: urljoin(permalink, path)) if permalink else str
        return gettext(
            "“{words}” said {attribution}{said_on}.{translation} Source: {permalink}"
        ).format(
            words=quoted_for_citation(self.text),
            attribution=self.attribution,
            said_on=self.said_on,
            translation=self.translation_note(absolute),
            permalink=permalink,
        )

    # Set for a whole listing at once by load_public_countries (one query in all).
    _public_countries = None

    @classmethod
    def load_public_countries(cls, statements, locale=None):
        """Work out ``public_countries`` for many statements at once; returns them."""
        statements = list(statements)
        # A listing's translations and their originals, for its citations (two queries).
        prefetch_originals(statements)
        localize_source_pages(statements)
        found = public_countries([s.countries for s in statements], locale)
        for statement, countries in zip(statements, found, strict=True):
            statement._public_countries = countries
        return statements

    @property
    def public_countries(self):
        """The countries it concerns that the site covers publicly (a country whose page
        is still a draft is not named), each with its page in the reader's language."""
        if self._public_countries is None:
            self.load_public_countries([self])
        return self._public_countries

    @property
    def public_source_page(self):
        """The page it comes from, while the public may open that page."""
        if not self.source_page_id:
            return None
        if hasattr(self, "_localized_source"):  # worked out for a whole listing
            return public_page_or_none(self._localized_source)
        return public_page_or_none(localized_page(self.source_page, self.locale))

    @property
    def country_codes(self):
        return [country.code for country in self.public_countries]

    @property
    def topic_slugs(self):
        return [topic.slug for topic in self.topics.all()]

    def get_preview_template(self, request, mode_name):
        return "pages/statements/statement_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["statement"] = self
        context["permalink"] = public_url(self.get_absolute_url()) if self.pk else ""
        context["is_preview"] = True
        return context


class QuoteDeskPage(ListingPageMixin, BasePage):
    """The quote desk: every published statement, filterable, with its permalink, citation
    and card, and the Atom feed and CSV of them. One per home page."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A sentence or two under the title: what journalists find here."),
        verbose_name=_("intro"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/statements/quote_desk.html"
    # Every address here is read-only, as the views say (require_safe).
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD]
    # Where statements' permalinks point while no desk page is live (see core.listings).
    fallback_slug = "statements"

    class Meta:
        verbose_name = _("quote desk")

    default_description = _(
        "Statements and testimonies, newest first, each with its speaker, its date and a"
        " permanent link to cite."
    )

    @property
    def summary_text(self):
        return self.intro

    # The addresses under the desk's own, with the names they had as Django URLs
    # (listing_url("statement_detail", pk=…, slug=…)). The views are imported when called:
    # they import this module.
    @path("", name="quote_desk")
    def desk(self, request):
        from .views import quote_desk

        return quote_desk(request, self)

    @path("feed/", name="statements_feed")
    def feed(self, request):
        from .feeds import StatementFeed

        return StatementFeed()(request)

    @path("statements.csv", name="statements_csv")
    def csv(self, request):
        from .views import statements_csv

        return statements_csv(request)

    @path("<int:pk>/", name="statement_detail_short")
    @path("<int:pk>-<str:slug>/", name="statement_detail")
    def permalink(self, request, pk, slug=None):
        from .views import statement_detail

        return statement_detail(request, pk, slug)

    @path("<int:pk>/card-<str:size>.png", name="statement_card")
    def card(self, request, pk, size):
        from .views import statement_card

        return statement_card(request, pk, size)
