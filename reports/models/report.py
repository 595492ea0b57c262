import re

from django_countries.fields import CountryField

from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery, Value, prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from advocacy.core.blocks import prefetch_placed
from advocacy.core.countries import Country, country_pages
from advocacy.core.listings import FileRoutesMixin
from advocacy.core.pages import BasePage
from advocacy.core.public_url import public_origin, public_url
from advocacy.core.serializers import PublicDocumentField
from advocacy.core.sitecache import frame_memo
from advocacy.core.sourcing import SourcedMixin
from advocacy.core.visibility import (
    annotate_public_page,
    public_document_or_none,
    public_pages,
)

# A built file's address names its content (reports.downloads): caches may keep it a day.
DOWNLOAD_MAX_AGE = 24 * 3600
# An anchor's href that is a path on this site ("/less-equal/…", not "//host/…").
SITE_PATH_HREF = re.compile(r'(<a\b[^>]*?\shref=")/(?!/)')


def absolute_links(html, origin):
    """The page's links to paths on this site, with the site's origin put in front."""
    return SITE_PATH_HREF.sub(lambda match: f"{match.group(1)}{origin}/", html)


class ReportPage(FileRoutesMixin, BasePage):
    """A published report: its landing page, with the chapters as children."""

    subtitle = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Shown under the title, e.g. what it covers."),
        verbose_name=_("subtitle"),
    )
    publication_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("The date the report was published."),
        verbose_name=_("publication date"),
    )
    reference_number = models.CharField(
        max_length=50,
        blank=True,
        help_text=_("The organisation's index number for the report."),
        verbose_name=_("reference number"),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The report's cover; also the image shown when the report is shared."),
        verbose_name=_("cover image"),
    )
    cover_alt_text = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Describe the cover for people who cannot see it."),
        verbose_name=_("cover alt text"),
    )
    cover_credit = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Who took or made the cover image."),
        verbose_name=_("cover credit"),
    )
    summary = RichTextField(
        features=["bold", "italic", "link"],
        help_text=_("What the report found, in a paragraph."),
        verbose_name=_("summary"),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The official PDF; its format and size are shown next to the link."),
        verbose_name=_("pdf"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("reference_number"), FieldPanel("pdf")],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt_text"), FieldPanel("cover_credit")],
            heading=_("Cover"),
        ),
        FieldPanel("summary"),
        InlinePanel("key_findings", heading=_("Key findings"), label=_("Finding"), min_num=0),
        InlinePanel("countries", heading=_("Countries covered"), label=_("Country")),
        InlinePanel(
            "recommendations",
            heading=_("Recommendations"),
            label=_("Recommendation"),
            help_text=_("What the report asks of governments and others, one at a time."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.RelatedFields("key_findings", [index.SearchField("text")]),
        index.RelatedFields("recommendations", [index.SearchField("text")]),
    ]
    api_fields = [
        APIField("subtitle"),
        APIField("publication_date"),
        APIField("reference_number"),
        APIField("summary"),
        APIField("key_findings"),
        APIField("recommendations"),
        APIField("pdf", serializer=PublicDocumentField()),
    ]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["reports.ReportChapterPage"]
    template = "pages/reports/report_page.html"
    show_in_site_search = True

    class Meta:
        verbose_name = _("report")

    @property
    def full_title(self):
        """Title and subtitle as the report is cited: “Less equal: LGBTI human rights …”."""
        return f"{self.title}: {self.subtitle}" if self.subtitle else self.title

    def chapters(self):
        """The live, public chapters in the order editors gave them (read once per page
        object: the page, its metadata and the whole report all list them)."""
        from .chapter import ReportChapterPage

        if "_public_chapters" not in self.__dict__:
            self.__dict__["_public_chapters"] = list(
                public_pages(ReportChapterPage.objects.child_of(self)).order_by("path")
            )
        return self.__dict__["_public_chapters"]

    def press_releases(self):
        from .press import NEWEST_FIRST, PressReleasePage

        return public_pages(PressReleasePage.objects.filter(report=self)).order_by(*NEWEST_FIRST)

    def country_pages(self):
        """The countries covered, in the editors' order, that have a public page in the
        report's language: each links to that page."""
        codes = [row.country.code for row in self.countries.all()]
        pages = country_pages(codes, self.locale)
        return [Country(code, pages[code]) for code in codes if code in pages]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Pages only: kept in the worker until any page changes (a new frame generation).
        listed = frame_memo(f"report-landing:{self.pk}", self.listed_pages, request)
        context.update(listed)
        self.__dict__["_public_chapters"] = listed["chapters"]
        context["pdf"] = public_document_or_none(self.pdf)
        context["downloads"] = self.downloads_for_readers()
        return context

    def listed_pages(self):
        """What the landing page lists from the page tree: its chapters, key findings and
        recommendations (with their public sources), countries and press releases."""
        key_findings, recommendations = self.sourced_rows()
        return {
            "chapters": list(self.chapters()),
            "key_findings": key_findings,
            "recommendations": recommendations,
            "countries": self.country_pages(),
            "press_releases": list(self.press_releases()),
        }

    def downloads_for_readers(self):
        """The PDF and EPUB built from the report (``reports.downloads``), once built."""
        from ..downloads import downloads_for

        return downloads_for(self)

    @path("all/", name="all")
    def whole_report(self, request):
        """Every chapter on one page: for printing, saving or a bad connection."""
        # What this page shows (not the landing page's countries and press releases).
        context = BasePage.get_context(self, request)
        context["chapters"] = chapters = self.chapters()
        context["key_findings"], context["recommendations"] = self.sourced_rows()
        prefetch_related_objects(chapters, "footnotes")
        # Every chapter's quotes and actions in one query per kind, not one per chapter.
        prefetch_placed([chapter.body for chapter in chapters])
        context["pdf"] = public_document_or_none(self.pdf)
        context["downloads"] = self.downloads_for_readers()
        context["canonical_url"] = self.get_full_url(request) + "all/"
        context["print_url"] = public_url(request.path)
        response = render(request, "pages/reports/report_all.html", context)
        # Printed, a link is its address spelt out after it (print.css): every link on this
        # page carries its full address, so the paper copy leads back to the site.
        response.content = absolute_links(response.content.decode(), public_origin())
        return response

    def sourced_rows(self):
        """(key findings, recommendations), each row with its source page while public.

        Saved rows are read in one query (a UNION of the two tables, whose columns are the
        same: SourcedStatement), so the page's query count does not grow with them; the
        source is named by its title and linked only from a preview's rows in memory."""
        findings, recommendations = self.key_findings.all(), self.recommendations.all()
        if not (isinstance(findings, QuerySet) and isinstance(recommendations, QuerySet)):
            # A preview: the draft's rows as they stand in memory (a query or two more).
            parts = []
            for rows in (findings, recommendations):
                rows = annotate_public_page(list(rows), "source")
                for row in rows:
                    row.public_source = row.source if row.source_is_public else None
                parts.append(rows)
            return parts[0], parts[1]
        public = public_pages().filter(pk=OuterRef("source_id"))

        def part(rows, kind):
            return rows.order_by().annotate(
                kind=Value(kind), public_title=Subquery(public.values("title")[:1])
            )

        rows = list(
            part(findings, 0)
            .union(part(recommendations, 1), all=True)
            .order_by("kind", "sort_order", "id")
        )
        for row in rows:
            # The public_source property of SourcedMixin stays None (no link); the label
            # names the public page by its title when the editor gave no name.
            row.public_title = row.public_title or ""
        return [r for r in rows if r.kind == 0], [r for r in rows if r.kind == 1]

    @re_path(r"^(?P<file_name>[a-z0-9-]{1,120}\.(?:pdf|epub))$", name="download")
    def download(self, request, file_name):
        """The report's built PDF or EPUB, while the report is public (it is: Wagtail
        serves no route of a page the reader may not see)."""
        from ..downloads import storage

        row = self.downloads.filter(file_name=file_name).first()
        if row is None:
            raise Http404
        try:
            handle = storage().open(row.file_name, "rb")
        except (FileNotFoundError, OSError):
            raise Http404 from None
        response = FileResponse(
            handle, as_attachment=True, filename=row.file_name, content_type=row.content_type
        )
        response["X-Robots-Tag"] = "noindex"
        # The name carries the content's hash: the same address never changes content.
        patch_cache_control(response, public=True, max_age=DOWNLOAD_MAX_AGE)
        return response

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if urls:
            urls.append({**urls[0], "location": urls[0]["location"] + "all/"})
        return urls

    def structured_data(self, request, publisher):
        """schema.org Report, with its chapters as parts."""
        return {
            "@type": "Report",
            "name": self.full_title,
            "headline": self.full_title,
            "datePublished": self.publication_date,
            "reportNumber": self.reference_number or None,
            "description": strip_tags(self.summary).strip(),
            "inLanguage": self.locale.language_code,
            "author": publisher,
            "publisher": publisher,
            "hasPart": [
                {
                    "@type": "Chapter",
                    "position": number,
                    "name": chapter.title,
                    "url": chapter.get_full_url(request),
                }
                for number, chapter in enumerate(self.chapters(), start=1)
            ],
        }

    @property
    def search_snippet_text(self):
        return strip_tags(f"{self.subtitle} {self.summary}")

    @property
    def summary_text(self):
        return self.subtitle or self.summary

    @property
    def og_image(self):
        return self.cover_image

    @property
    def og_image_alt(self):
        return self.cover_alt_text or super().og_image_alt


class SourcedStatement(SourcedMixin, TranslatableMixin, Orderable):
    """A sentence of the report's with the source's words it rests on."""

    text = models.TextField(
        max_length=600,
        help_text=_("A sentence or two, saying no more than the source's words below."),
        verbose_name=_("text"),
    )
    source = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The page on this site the words come from (the press release, a chapter)."),
        verbose_name=_("source page"),
    )

    panels = [FieldPanel("text"), *SourcedMixin.source_panels, FieldPanel("source")]
    api_fields = [APIField("text"), *SourcedMixin.source_api_fields]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def __str__(self):
        return self.text


class KeyFinding(SourcedStatement):
    """One finding of the report, in the order editors put them."""

    report = ParentalKey(
        ReportPage, on_delete=models.CASCADE, related_name="key_findings", verbose_name=_("report")
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("key finding")
        verbose_name_plural = _("key findings")


class Recommendation(SourcedStatement):
    """One thing the report asks of governments or others, in the editors' order."""

    report = ParentalKey(
        ReportPage,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("report"),
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")


class ReportCountry(Orderable):
    """A country the report covers; the report links to its page in the report's language."""

    report = ParentalKey(
        ReportPage, on_delete=models.CASCADE, related_name="countries", verbose_name=_("report")
    )
    country = CountryField(
        help_text=_(
            "The country (ISO 3166-1). The report links to its country page in the report's"
            " language once that page is published."
        ),
        verbose_name=_("country"),
    )

    panels = [FieldPanel("country")]

    class Meta(Orderable.Meta):
        verbose_name = _("report country")
        verbose_name_plural = _("report countries")

    def __str__(self):
        return str(self.country.name)
