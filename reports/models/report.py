import re

from django_countries.fields import CountryField

from django.db import models
from django.db.models import prefetch_related_objects
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from advocacy.core.blocks import prefetch_placed
from advocacy.core.countries import Country, country_pages
from advocacy.core.pages import BasePage
from advocacy.core.serializers import PublicDocumentField
from advocacy.core.visibility import public_document_or_none, public_pages

# An anchor's href that is a path on this site ("/less-equal/…", not "//host/…").
SITE_PATH_HREF = re.compile(r'(<a\b[^>]*?\shref=")/(?!/)')


def absolute_links(html, origin):
    """The page's links to paths on this site, with the site's origin put in front."""
    return SITE_PATH_HREF.sub(lambda match: f"{match.group(1)}{origin}/", html)


class ReportPage(RoutablePageMixin, BasePage):
    """A published report: its landing page, with the chapters as children."""

    subtitle = models.CharField(
        max_length=255, blank=True, help_text=_("Shown under the title, e.g. what it covers.")
    )
    publication_date = models.DateField(
        null=True, blank=True, help_text=_("The date the report was published.")
    )
    reference_number = models.CharField(
        max_length=50, blank=True, help_text=_("The organisation's index number for the report.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The report's cover; also the image shown when the report is shared."),
    )
    cover_alt_text = models.CharField(
        max_length=255, blank=True, help_text=_("Describe the cover for people who cannot see it.")
    )
    cover_credit = models.CharField(
        max_length=255, blank=True, help_text=_("Who took or made the cover image.")
    )
    summary = RichTextField(
        features=["bold", "italic", "link"], help_text=_("What the report found, in a paragraph.")
    )
    recommendations = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the report asks of governments and others."),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The official PDF; its format and size are shown next to the link."),
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
        FieldPanel("recommendations"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("recommendations"),
        index.RelatedFields("key_findings", [index.SearchField("text")]),
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
        context["chapters"] = list(self.chapters())
        context["key_findings"] = list(self.key_findings.all())
        context["countries"] = self.country_pages()
        context["press_releases"] = list(self.press_releases())
        context["pdf"] = public_document_or_none(self.pdf)
        return context

    @path("all/", name="all")
    def whole_report(self, request):
        """Every chapter on one page: for printing, saving or a bad connection."""
        # What this page shows (not the landing page's countries and press releases).
        context = BasePage.get_context(self, request)
        context["chapters"] = chapters = self.chapters()
        context["key_findings"] = list(self.key_findings.all())
        prefetch_related_objects(chapters, "footnotes")
        # Every chapter's quotes and actions in one query per kind, not one per chapter.
        prefetch_placed([chapter.body for chapter in chapters])
        context["canonical_url"] = self.get_full_url(request) + "all/"
        context["print_url"] = request.build_absolute_uri(request.path)
        response = render(request, "pages/reports/report_all.html", context)
        # Printed, a link is its address spelt out after it (print.css): every link on this
        # page carries its full address, so the paper copy leads back to the site.
        origin = request.build_absolute_uri("/").rstrip("/")
        response.content = absolute_links(response.content.decode(), origin)
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
        return strip_tags(f"{self.subtitle} {self.summary} {self.recommendations}")

    @property
    def summary_text(self):
        return self.subtitle or self.summary

    @property
    def og_image(self):
        return self.cover_image

    @property
    def og_image_alt(self):
        return self.cover_alt_text or super().og_image_alt


class KeyFinding(TranslatableMixin, Orderable):
    """One finding of the report, in the order editors put them."""

    report = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="key_findings")
    text = models.TextField(max_length=600, help_text=_("One finding, in a sentence or two."))

    panels = [FieldPanel("text")]
    api_fields = [APIField("text")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def __str__(self):
        return self.text


class ReportCountry(Orderable):
    """A country the report covers; the report links to its page in the report's language."""

    report = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="countries")
    country = CountryField(
        help_text=_(
            "The country (ISO 3166-1). The report links to its country page in the report's"
            " language once that page is published."
        )
    )

    panels = [FieldPanel("country")]

    def __str__(self):
        return str(self.country.name)
