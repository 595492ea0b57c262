from math import ceil

from django_countries.fields import CountryField

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from advocacy.core.blocks import StoryBlock, body_plain_text, body_word_count
from advocacy.core.pages import BasePage, StoryPageMixin
from advocacy.core.visibility import public_pages

WORDS_PER_MINUTE = 200


class ReportChapterPage(StoryPageMixin, BasePage):
    """A chapter of a report; its number comes from its place among its siblings."""

    standfirst = models.TextField(
        max_length=600,
        help_text=_("A sentence or two saying what the chapter covers."),
        verbose_name=_("standfirst"),
    )
    body = StreamField(
        StoryBlock(), help_text=_("The chapter's text, quotes and figures."), verbose_name=_("body")
    )
    countries = CountryField(
        multiple=True,
        blank=True,
        help_text=_(
            "The countries this chapter discusses: each one's country page links to it (when"
            " the report covers that country). Mentioning a country in passing is not enough."
        ),
        verbose_name=_("countries"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("countries"),
        FieldPanel("body"),
        InlinePanel("footnotes", heading=_("Footnotes"), label=_("Footnote")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("standfirst"), APIField("body"), APIField("chapter_number")]

    parent_page_types = ["reports.ReportPage"]
    subpage_types = []
    template = "pages/reports/report_chapter_page.html"
    show_in_site_search = True

    class Meta:
        verbose_name = _("report chapter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        report = self.report
        home = report.get_parent()
        label = (
            _("Chapter %(n)s: %(title)s") % {"n": self.chapter_number, "title": self.title}
            if self.chapter_number
            else self.title
        )
        # The root is "Home", not the home page's title, which is the report's own short
        # name on this site ("Less equal › Less equal › …" read as a stutter).
        context["crumbs"] = [
            {"label": _("Home"), "url": home.get_url(request)},
            {"label": report.title, "url": report.get_url(request)},
            {"label": label, "url": None},
        ]
        return context

    @cached_property
    def report(self):
        return self.get_parent().specific

    @cached_property
    def siblings(self):
        """The report's live chapters in order, this one included (one query)."""
        return list(
            public_pages(ReportChapterPage.objects.sibling_of(self, inclusive=True))
            .order_by("path")
            .only("id", "title", "path", "url_path", "depth", "locale_id")
        )

    @cached_property
    def chapter_number(self):
        """1-based position among the live chapters; None for a draft not yet live."""
        for number, chapter in enumerate(self.siblings, start=1):
            if chapter.pk == self.pk:
                return number
        return None

    @property
    def previous_chapter(self):
        n = self.chapter_number
        return self.siblings[n - 2] if n and n > 1 else None

    @property
    def next_chapter(self):
        n = self.chapter_number
        return self.siblings[n] if n and n < len(self.siblings) else None

    @property
    def reading_minutes(self):
        return max(1, ceil(body_word_count(self.body) / WORDS_PER_MINUTE))

    def structured_data(self, request, publisher):
        """schema.org Chapter, part of its Report."""
        return {
            "@type": "Chapter",
            "name": self.title,
            "headline": self.title,
            "position": self.chapter_number,
            "description": self.standfirst,
            "inLanguage": self.locale.language_code,
            "isPartOf": {
                "@type": "Report",
                "name": self.report.full_title,
                "url": self.report.get_full_url(request),
            },
            "author": publisher,
            "publisher": publisher,
        }

    @property
    def summary_text(self):
        return self.standfirst

    @property
    def search_snippet_text(self):
        return f"{self.standfirst} {body_plain_text(self.body)}"

    @property
    def og_image(self):
        return self.report.cover_image
