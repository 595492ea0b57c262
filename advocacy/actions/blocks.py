"""The call-to-action slot of the shared StoryBlock: a chooser of a CallToAction."""

from wagtail.snippets.blocks import SnippetChooserBlock

from advocacy.core.visibility import is_published


class CallToActionChooserBlock(SnippetChooserBlock):
    """Place a petition, pledge or share box in a page body; its text lives in one place."""

    def __init__(self, **kwargs):
        super().__init__("actions.CallToAction", **kwargs)

    def get_api_representation(self, value, context=None):
        """What API readers need to show the action: never its signatures, never a draft."""
        if not is_published(value):
            return None
        request = (context or {}).get("request")
        url = value.get_absolute_url()
        return {
            "id": value.pk,
            "kind": value.kind,
            "title": value.title,
            "summary": value.summary,
            "url": request.build_absolute_uri(url) if request else url,
            "status": value.status,
            "confirmed_count": value.confirmed_count if value.is_signable_kind else None,
            "goal": value.goal,
        }

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action_block.html"
        description = "A petition, pledge or share box (edit it under Calls to action)."
