from django.db.models import prefetch_related_objects

from reports.blocks import body_headings, fill_heading_anchors


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
        prefetch_related_objects([self], "footnotes")
        return context

    @property
    def headings(self):
        """The body's headings, for a table of contents."""
        return body_headings(self.body)
