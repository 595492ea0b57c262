from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from advocacy.core import dates
from advocacy.core.blocks import StoryBlock, body_plain_text
from advocacy.core.pages import BasePage, StoryPageMixin
from advocacy.core.serializers import PublicPageField
from advocacy.core.translation import localized_page
from advocacy.core.visibility import public_page_or_none, public_pages

# Newest release first, undated ones last (PostgreSQL would otherwise put them first).
NEWEST_FIRST = [
    models.F("release_time").desc(nulls_last=True),
    models.F("go_live_at").desc(nulls_last=True),
    "-first_published_at",
]


class PressReleaseIndexPage(RoutablePageMixin, BasePage):
    """The list of press releases, newest first, with an Atom feed."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list."),
        verbose_name=_("intro"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["reports.PressReleasePage"]
    max_count_per_parent = 1
    template = "pages/reports/press_release_index_page.html"

    class Meta:
        verbose_name = _("press release index")

    default_description = _("Press releases, newest first.")

    @property
    def summary_text(self):
        return self.intro

    def releases(self):
        return public_pages(PressReleasePage.objects.child_of(self)).order_by(*NEWEST_FIRST)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["releases"] = Paginator(self.releases(), 20).get_page(request.GET.get("page"))
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from reports.feeds import PressReleaseFeed

        return PressReleaseFeed(self)(request)


class PressReleasePage(StoryPageMixin, BasePage):
    """A press release; schedule it (Status panel › Set schedule) to keep it under embargo."""

    dateline = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Where it is issued from, e.g. “London”."),
        verbose_name=_("dateline"),
    )
    release_time = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "The time printed on the release. To embargo it, open the Status panel (the ⓘ"
            " button at the top right), choose “Set schedule”, give a “Go live date/time”"
            " and publish with “Schedule to publish”: the release stays hidden from the"
            " public until then."
        ),
        verbose_name=_("release time"),
    )
    standfirst = models.TextField(
        blank=True,
        max_length=600,
        help_text=_("The opening paragraph, shown in lists."),
        verbose_name=_("standfirst"),
    )
    body = StreamField(StoryBlock(), help_text=_("The release's text."), verbose_name=_("body"))
    notes_to_editors = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Background for journalists, printed after the release."),
        verbose_name=_("notes to editors"),
    )
    report = models.ForeignKey(
        "reports.ReportPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The report this release announces."),
        verbose_name=_("report"),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("dateline"), FieldPanel("release_time"), FieldPanel("report")],
            heading=_("Release"),
        ),
        FieldPanel("standfirst"),
        FieldPanel("body"),
        FieldPanel("notes_to_editors"),
        InlinePanel("footnotes", heading=_("Footnotes"), label=_("Footnote")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("notes_to_editors"),
    ]
    api_fields = [
        APIField("dateline"),
        APIField("release_time"),
        APIField("standfirst"),
        APIField("body"),
        APIField("notes_to_editors"),
        APIField("report", serializer=PublicPageField()),
    ]

    parent_page_types = ["reports.PressReleaseIndexPage"]
    subpage_types = []
    template = "pages/reports/press_release_page.html"
    show_in_site_search = True

    class Meta:
        verbose_name = _("press release")

    @property
    def published_at(self):
        """The release time, or the go-live time an editor scheduled; None when neither is
        set. Never the time it first went live here: that is when someone pressed Publish
        (or loaded the demo), not a date the release gives."""
        return self.release_time or self.go_live_at

    @property
    def date_label(self):
        """“25 November 2026”, or “date not given in the source” (advocacy.core.dates)."""
        return dates.date_label(self.published_at)

    @property
    def embargoed_until(self):
        """The go-live time while it is still in the future, for staff previews."""
        if self.go_live_at and self.go_live_at > timezone.now():
            return self.go_live_at
        return None

    def structured_data(self, request, publisher):
        """schema.org NewsArticle."""
        data = {
            "@type": "NewsArticle",
            "headline": self.title,
            # When it was last revised here, labelled as such; with no date given in the
            # source, datePublished is left out rather than invented.
            "dateModified": self.last_published_at,
            "description": self.standfirst or self.search_description,
            "inLanguage": self.locale.language_code,
            "author": publisher,
            "publisher": publisher,
        }
        if self.published_at:
            data["datePublished"] = self.published_at
        if self.dateline:
            data["locationCreated"] = {"@type": "Place", "name": self.dateline}
        if self.public_report:
            data["about"] = {
                "@type": "Report",
                "name": self.report.full_title,
                "url": self.report.get_full_url(request),
            }
        return data

    @cached_property
    def public_report(self):
        """The report it announces, while the public may open the report."""
        if not self.report_id:
            return None
        return public_page_or_none(localized_page(self.report, self.locale))

    @property
    def summary_text(self):
        return self.standfirst

    @property
    def search_snippet_text(self):
        return f"{self.standfirst} {body_plain_text(self.body)}"

    @property
    def og_image(self):
        return self.public_report.cover_image if self.public_report else None
