"""The page-body blocks every app shares: the story body of chapters, press releases and
country pages, and the plain body of simple pages.

Three slots place content owned by higher apps (a statement as a pull quote, a call to
action, a share box). They name their model through a setting
(``ADVOCACY_STATEMENT_MODEL``, ``ADVOCACY_CALL_TO_ACTION_MODEL``,
``ADVOCACY_SHARE_BOX_MODEL``), the way Django names the user model, so this module never
imports the apps above it; the models answer through a small duck-typed interface.
"""

import copy
import re

from wagtail_footnotes.blocks import RichTextBlockWithFootnotes

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .countries import country_choices
from .request_memo import memo
from .visibility import is_published

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "footnotes"]
ANCHOR_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class HeadingBlock(blocks.StructBlock):
    """A section heading readers can link to; its anchor is set once and then kept."""

    text = blocks.CharBlock(max_length=200, help_text=_("The heading as readers see it."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (h2)")), ("h3", _("Sub-section (h3)"))],
        default="h2",
        help_text=_("h2 for a section, h3 for a part of a section."),
    )
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text=_(
            "The #link to this heading. Filled in from the heading when you save; keep it"
            " when you rename the heading so shared links go on working."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        anchor = value.get("anchor") or ""
        if anchor and not ANCHOR_PATTERN.match(anchor):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "anchor": ValidationError(
                        _(
                            "Use lower-case letters, digits and hyphens only,"
                            " e.g. crackdown-on-rights."
                        )
                    )
                }
            )
        return value

    # Translation (wagtail-localize): only the words are a translator's; the level and the
    # anchor stay the source's, so a link to a section works in every language.
    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        return [StringSegmentValue("text", value.get("text") or "")]

    def restore_translated_segments(self, value, segments):
        for segment in segments:
            if segment.path == "text":
                value["text"] = segment.render_text()
        return value

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        description = _("A section heading that appears in the table of contents.")
        preview_value = {"text": "Crackdown on LGBTI rights", "level": "h2", "anchor": ""}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its caption and the photographer's credit."""

    image = ImageBlock(help_text=_("Alt text describes the image for people who cannot see it."))
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=200, help_text=_("e.g. © Photographer"))

    class Meta:
        icon = "image"
        template = "components/blocks/captioned_image_block.html"
        description = _("An image with a caption and a credit line.")


class FootnotedParagraphBlock(RichTextBlockWithFootnotes):
    """Rich text whose footnote references link to the list at the end of the page.

    wagtail-footnotes numbers references in reading order; the anchors it writes are
    prefixed with the page's id here so that several chapters can share one page (the
    whole-report view) without two elements sharing an id.
    """

    def replace_footnote_tags(self, value, html, context=None):
        html = super().replace_footnote_tags(value, html, context=context)
        page = (context or {}).get("page")
        if page is None or "footnote-" not in html:
            return html
        return type(html)(
            html.replace('href="#footnote-', f'href="#fn{page.pk}-').replace(
                'id="footnote-source-', f'id="fn{page.pk}-source-'
            )
        )

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph_block.html"
        description = _("Text with links, lists and footnote references (the “Fn” button).")
        preview_value = (
            "<p>LGBTI groups in each of the former Soviet Republics have faced a raft of"
            " repressive government tactics to silence their voices.</p>"
        )


class PlacedSnippetBlock(SnippetChooserBlock):
    """A snippet placed in a body by reference: edit it once, every page changes.

    Its model is named by ``model_setting``. Nothing unpublished is shown, indexed or
    served by the API; the model says what the API shows (``api_representation(request)``)
    and what search indexes (``searchable_text``).
    """

    model_setting = None

    def __init__(self, **kwargs):
        super().__init__(getattr(settings, self.model_setting), **kwargs)

    def placed_queryset(self):
        """Where placed snippets are read from: with what the model says its placed rendering
        reads (``placed_select_related``, e.g. a statement's speaker), so that a body quoting
        ten statements costs one query, not eleven."""
        related = getattr(self.model_class, "placed_select_related", ())
        rows = self.model_class.objects.all()
        return rows.select_related(*related) if related else rows

    def placed_store(self):
        """{pk: snippet or None} of this model's snippets read so far in this request: each
        is read once however many bodies place it (advocacy.core.request_memo)."""
        return memo(("placed-snippets", self.model_class._meta.label_lower), dict)

    def fetch_placed(self, pks):
        """Read these snippets into the request's store, in one query, unless already there."""
        store = self.placed_store()
        missing = {pk for pk in pks if pk not in store}
        if missing:
            found = self.placed_queryset().in_bulk(missing)
            store.update({pk: found.get(pk) for pk in missing})
        return store

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values):
        """Wagtail's: the snippets in the values' order, None for a missing one, a distinct
        object for each (they are copies of the request's one read of each)."""
        pks = [_as_pk(value) for value in values]
        store = self.fetch_placed({pk for pk in pks if pk is not None})
        return [copy.copy(store[pk]) if store.get(pk) is not None else None for pk in pks]

    def get_searchable_content(self, value):
        if not is_published(value):
            return []
        return [value.searchable_text]

    def get_api_representation(self, value, context=None):
        if not is_published(value):
            return None
        return value.api_representation((context or {}).get("request"))


class PullQuoteBlock(PlacedSnippetBlock):
    """A statement from the quote desk, set apart from the text."""

    model_setting = "ADVOCACY_STATEMENT_MODEL"

    class Meta:
        icon = "openquote"
        template = "components/blocks/pull_quote_block.html"
        description = _("A statement from the quote desk (Snippets › Statements), set apart.")


class PlacedActionBlock(PlacedSnippetBlock):
    """A call to action or share box placed in a body: a page is not found by them."""

    def get_searchable_content(self, value):
        return []


class CallToActionBlock(PlacedActionBlock):
    """A petition or pledge placed in a body; its text lives in one place."""

    model_setting = "ADVOCACY_CALL_TO_ACTION_MODEL"

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action_block.html"
        description = _("A petition or pledge to sign (edit it under Calls to action).")


class ShareBoxBlock(PlacedActionBlock):
    """A share / learn-more box placed in a body: a headline, a summary and a button."""

    model_setting = "ADVOCACY_SHARE_BOX_MODEL"

    class Meta:
        icon = "link"
        template = "components/blocks/share_box_block.html"
        description = _("A box leading to a page or a site (Calls to action › Share boxes).")


class CountryChoiceBlock(blocks.ChoiceBlock):
    """A country (its ISO code). Reading a stored code needs no look through the ~250
    choices Wagtail's ChoiceBlock makes on every read (a code is stored as it is chosen);
    the form still offers and checks them. Migrations name it as Wagtail's ChoiceBlock."""

    canonical_module_path = "wagtail.blocks.ChoiceBlock"

    def to_python(self, value):
        return value if isinstance(value, str) else super().to_python(value)


class TestimonyBlock(blocks.StructBlock):
    """Words of a source who must stay anonymous: only a description, never a name."""

    words = blocks.TextBlock(help_text=_("What the source said, without quotation marks."))
    source_description = blocks.CharBlock(
        max_length=200,
        help_text=_(
            "Describe the source without identifying them, e.g. “a prominent LGBTI activist"
            " in Belarus”. Never a name, employer or place that could identify them."
        ),
    )
    anonymity_reason = blocks.CharBlock(
        max_length=200,
        required=False,
        # Testimonies saved before this field existed read "" (no reason), as new ones do.
        default="",
        help_text=_(
            "Why the name is withheld, only when the source gives a reason, in its words."
            " Left empty, the page says “name withheld” and gives no reason."
        ),
    )
    country = CountryChoiceBlock(
        choices=country_choices,
        required=False,
        help_text=_(
            "The country the testimony is about: its country page shows it. Leave empty when"
            " the same words are on the quote desk as a statement about that country (the"
            " page shows the statement), or when naming the country could identify the source."
        ),
    )

    class Meta:
        icon = "user"
        template = "components/blocks/testimony_block.html"
        description = _("An anonymous testimony; there is deliberately no name field.")
        preview_value = {
            "words": "The personal risks were too great.",
            "source_description": "a prominent LGBTI activist in Belarus",
            "country": "BY",
        }


class FactBlock(blocks.StructBlock):
    """A figure or date that stands out, with a one-line label."""

    figure = blocks.CharBlock(max_length=40, help_text=_("e.g. “2016” or “4 countries”."))
    label = blocks.CharBlock(max_length=200, help_text=_("One line saying what the figure means."))

    class Meta:
        icon = "info-circle"
        template = "components/blocks/fact_block.html"
        description = _("A figure or date with a one-line label.")
        preview_value = {"figure": "2016", "label": "Belarus adopts a “propaganda” law"}


class StoryBlock(blocks.StreamBlock):
    """The body of a chapter, a press release or a country page."""

    paragraph = FootnotedParagraphBlock(features=PARAGRAPH_FEATURES, label=_("Paragraph"))
    heading = HeadingBlock(label=_("Heading"))
    pull_quote = PullQuoteBlock(label=_("Pull quote"))
    testimony = TestimonyBlock(label=_("Testimony"))
    fact = FactBlock(label=_("Fact"))
    image = CaptionedImageBlock(label=_("Image"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    share_box = ShareBoxBlock(label=_("Share box"))


class PageBodyBlock(blocks.StreamBlock):
    """The body of a simple page (about, contact, privacy)."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/blocks/paragraph_block.html",
        icon="pilcrow",
        description=_("Text with links and lists."),
        preview_value="<p>LGBTI human rights defenders deserve equal protection.</p>",
    )
    image = CaptionedImageBlock(label=_("Image"))


def fill_heading_anchors(body):
    """Give every heading without an anchor one made from its text, unique in the body.

    Anchors already set are never changed, so renaming a heading keeps its links working.
    Returns True when an anchor was added.
    """
    taken = {b.value["anchor"] for b in body if b.block_type == "heading" and b.value["anchor"]}
    changed = False
    for block in body:
        if block.block_type != "heading" or block.value["anchor"]:
            continue
        base = slugify(block.value["text"])[:70].strip("-") or "section"
        anchor, n = base, 2
        while anchor in taken:
            anchor, n = f"{base}-{n}", n + 1
        block.value["anchor"] = anchor
        taken.add(anchor)
        changed = True
    return changed


def body_headings(body):
    """(level, text, anchor) for each heading, for a table of contents."""
    return [
        {"level": b.value["level"], "text": b.value["text"], "anchor": b.value["anchor"]}
        for b in body
        if b.block_type == "heading"
    ]


def _as_pk(value):
    if isinstance(value, int):
        return value
    return int(value) if str(value).isdigit() else None


def prefetch_placed(bodies, block_types=None):
    """Read the snippets placed in all these bodies (a whole report's chapters) in one query
    per snippet type, before the bodies are rendered one by one; only those placed by
    ``block_types`` when given."""
    wanted = {}
    for body in bodies:
        for raw in body.raw_data:
            if block_types is not None and raw["type"] not in block_types:
                continue
            block = body.stream_block.child_blocks.get(raw["type"])
            if isinstance(block, PlacedSnippetBlock) and (pk := _as_pk(raw["value"])) is not None:
                wanted.setdefault(block.model_class, (block, set()))[1].add(pk)
    for block, pks in wanted.values():
        block.fetch_placed(pks)


def placed_ids(body, block_types):
    """(block type, id) of each snippet placed in the body by one of ``block_types``, in
    reading order, without loading the snippets (so callers fetch many bodies' at once)."""
    return [
        (block["type"], int(block["value"]))
        for block in body.raw_data
        if block["type"] in block_types and str(block["value"]).isdigit()
    ]


# The blocks whose words are the body's text (not a placed action's, nor an image's).
TEXT_BLOCK_TYPES = ("paragraph", "heading", "pull_quote", "testimony", "fact")


def body_plain_text(body):
    """The body's words as plain text, for search snippets and descriptions (placed actions
    and images are not read, from the database or otherwise)."""
    parts = []
    for index, raw in enumerate(body.raw_data):
        if raw["type"] not in TEXT_BLOCK_TYPES:
            continue
        block = body[index]
        if block.block_type == "paragraph":
            parts.append(strip_tags(block.value.source))
        elif block.block_type == "heading":
            parts.append(block.value["text"])
        elif block.block_type == "pull_quote" and is_published(block.value):
            parts.append(block.value.searchable_text)
        elif block.block_type == "testimony":
            parts.append(f"{block.value['words']} {block.value['source_description']}")
        elif block.block_type == "fact":
            parts.append(f"{block.value['figure']} {block.value['label']}")
    return " ".join(" ".join(parts).split())


def body_word_count(body):
    """Words a reader reads in the body."""
    return len(body_plain_text(body).split())
