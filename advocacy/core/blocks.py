from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2 or h3) inside a page body."""

    text = blocks.CharBlock(max_length=200, help_text="The heading as readers see it.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (h2)"), ("h3", "Sub-section (h3)")],
        default="h2",
        help_text="h2 for a section, h3 for a part of a section.",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        description = "A section heading; h2 for sections, h3 inside them."
        preview_value = {"text": "Crackdown on LGBTI rights", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its caption and the photographer's credit."""

    image = ImageBlock(help_text="Alt text describes the image for people who cannot see it.")
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=200, help_text="e.g. © Photographer")

    class Meta:
        icon = "image"
        template = "components/blocks/captioned_image_block.html"
        description = "An image with a caption and a credit line."


class PageBodyBlock(blocks.StreamBlock):
    """The body of a simple page (about, contact, privacy)."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="components/blocks/paragraph_block.html",
        icon="pilcrow",
        description="Text with links and lists.",
        preview_value="<p>LGBTI human rights defenders deserve equal protection.</p>",
    )
    image = CaptionedImageBlock()
