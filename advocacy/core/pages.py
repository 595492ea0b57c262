"""What every public page type shares: its metadata interface and the story-body behaviour."""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.html import strip_tags

from wagtail.models import Page, PageViewRestriction

from . import sitecache
from .blocks import body_headings, body_plain_text, fill_heading_anchors
from .visibility import may_be_restricted

DESCRIPTION_LENGTH = 300


class BasePage(Page):
    """The base of every page type on the site.

    It declares what the page's <head> (Open Graph, JSON-LD) and the search results ask of
    a page; each type overrides what it knows better than these defaults.
    """

    # Whether /search/ lists pages of this type: each type says so itself, so core's search
    # needs to know no app above it (advocacy.core.search.searchable_models).
    show_in_site_search = False
    # The meta description of a page whose editors gave neither a search description nor a
    # summary (and that has no body text to take it from): a sentence saying what a page of
    # this type is, so that no page goes without one (listings say what they list).
    default_description = ""

    class Meta:
        abstract = True

    @property
    def og_image(self):
        """The image shown when the page is shared; None for the site's default card."""
        return None

    @property
    def og_image_alt(self):
        image = self.og_image
        return (image.default_alt_text or image.title) if image is not None else ""

    @property
    def summary_text(self):
        """A sentence or two saying what the page is, as plain text (meta description)."""
        return ""

    @property
    def meta_description(self):
        """The search description, else the summary, else the start of the body, else the
        type's ``default_description``, else the title: never empty."""
        text = self.search_description or strip_tags(str(self.summary_text or ""))
        if not text.strip() and getattr(self, "body", None):
            text = body_plain_text(self.body)
        if not text.strip():
            text = str(self.default_description or self.title)
        return " ".join(text.split())[:DESCRIPTION_LENGTH]

    @property
    def search_snippet_text(self):
        """The text a search result quotes around the words found."""
        return self.meta_description

    def structured_data(self, request, publisher):
        """The page as schema.org data (without @context and url, which are added)."""
        return {"@type": "WebPage", "name": self.title}

    def route(self, request, path_components):
        """Wagtail's routing, a level in one query: the child is fetched, specific, by the id
        the site frame knows for its address (advocacy.core.sitecache); Wagtail's own walk
        when the frame does not know it or is out of date."""
        if path_components:
            child = sitecache.child_page(request, self, path_components[0])
            if child is not None:
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """Wagtail's query, unless the request's one look at all restrictions shows that none
        can apply here (advocacy.core.visibility.may_be_restricted)."""
        if not may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class StoryPageMixin:
    """For pages whose ``body`` is the shared StoryBlock (chapters, press releases, countries).

    Headings get a stable anchor when first saved, and the page's footnotes, which every
    paragraph looks up, are fetched once per request rather than once per paragraph.
    """

    def full_clean(self, *args, **kwargs):
        fill_heading_anchors(self.body)
        super().full_clean(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.cites_footnotes():
            prefetch_related_objects([self], "footnotes")
        else:  # every paragraph still asks; the answer is known without a query
            prefetch_related_objects(
                [self], Prefetch("footnotes", queryset=self.footnotes.model.objects.none())
            )
        return context

    def cites_footnotes(self):
        """Whether a paragraph of the body refers to a footnote (read from the stored body)."""
        return any('<footnote id="' in str(raw["value"]) for raw in self.body.raw_data)

    @property
    def headings(self):
        """The body's headings, for a table of contents."""
        return body_headings(self.body)
