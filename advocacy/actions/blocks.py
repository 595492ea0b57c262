"""The call-to-action slot of the shared StoryBlock: a chooser of a CallToAction."""

from wagtail.snippets.blocks import SnippetChooserBlock


class CallToActionChooserBlock(SnippetChooserBlock):
    """Place a petition, pledge or share box in a page body; its text lives in one place."""

    def __init__(self, **kwargs):
        super().__init__("actions.CallToAction", **kwargs)

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action_block.html"
        description = "A petition, pledge or share box (edit it under Calls to action)."
