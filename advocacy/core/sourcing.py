"""The source of a claim: the exact words it rests on, and where they come from.

A country fact, a timeline entry, a key finding and a recommendation each carry an excerpt
(word for word from the source) and, when the page on this site is not name enough, the
source's name; the public page shows the excerpt on demand, so a journalist can check the
claim before copying it. ``normalised`` is how the tests and the admin compare an excerpt
with the source: whitespace collapsed and typographic quotation marks made plain.
"""

import re

from wagtail_localize.fields import SynchronizedField

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField

# Curly and straight quotation marks and apostrophes all compare as one plain mark each.
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
SPACE = re.compile(r"\s+")


def normalised(text):
    """The words with whitespace collapsed and quotation marks made plain, for comparing."""
    return SPACE.sub(" ", str(text or "").translate(QUOTES)).strip()


def quoted_in(excerpt, source_text):
    """Whether the excerpt occurs word for word in the source text (after normalising)."""
    return bool(normalised(excerpt)) and normalised(excerpt) in normalised(source_text)


class SourcedMixin(models.Model):
    """The source excerpt and source name every fact-like row carries."""

    source_excerpt = models.TextField(
        blank=True,
        max_length=2000,
        verbose_name=_("source excerpt"),
        help_text=_(
            "The source's exact words this rests on, copied word for word (no quotation"
            " marks around them). Readers can open them beside the claim."
        ),
    )
    source_name = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("source name"),
        help_text=_(
            "The source as readers should see it named, e.g. “the press release launching"
            " the report”. Leave empty to name the page chosen as its source."
        ),
    )

    # The source page while the public may open it: set by the view that shows the row
    # (advocacy.core.visibility.annotate_public_page); None names the source without a link.
    public_source = None

    # wagtail-localize: the excerpt is the source's own words, so a translation keeps them as
    # they are (copied from the original on every sync), and they are marked as being in the
    # sources' language, the site's default.
    override_translatable_fields = [SynchronizedField("source_excerpt")]
    excerpt_language = settings.LANGUAGE_CODE

    source_panels = [FieldPanel("source_excerpt"), FieldPanel("source_name")]
    source_api_fields = [APIField("source_excerpt"), APIField("source_name")]

    class Meta:
        abstract = True

    @property
    def source_label(self):
        """How the source is named to readers: the editor's name for it, else the title of
        its page while public, else nothing."""
        if self.source_name:
            return self.source_name
        if self.public_source is not None:
            return self.public_source.title
        # A row read with its public page's title only (reports.ReportPage.sourced_rows).
        return getattr(self, "public_title", "")
