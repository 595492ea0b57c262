"""Template tags that place calls to action and share boxes on pages, and share them."""

from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from advocacy.actions.models import CallToAction, ShareBox
from advocacy.core.blocks import placed_ids
from advocacy.core.pagecache import limit_public_cache

register = template.Library()

# The StoryBlock slots that place actions, and the model each one chooses.
PLACED = {"call_to_action": CallToAction, "share_box": ShareBox}


@register.simple_tag
def placed_actions(pages):
    """The calls to action and share boxes placed in these pages' story bodies, in reading
    order, each once: one query per kind, however many pages. Scheduled ones wait.

    The pages only need a ``body`` of the shared StoryBlock (advocacy.core.blocks).
    """
    order = []
    for page in pages:
        for placed in placed_ids(page.body, PLACED):
            if placed not in order:
                order.append(placed)
    found = {}
    for block_type, model in PLACED.items():
        ids = [pk for kind, pk in order if kind == block_type]
        if ids:
            rows = model.objects.published()
            if model is ShareBox:
                rows = rows.select_related("link_page")
            found.update({(block_type, pk): row for pk, row in rows.in_bulk(ids).items()})
    actions = [found[placed] for placed in order if placed in found]
    return [action for action in actions if getattr(action, "status", "open") != "scheduled"]


@register.simple_tag(takes_context=True)
def counts_shown(context):
    """Placed where a signature count is shown: the page is kept at most
    ``PUBLIC_CACHE_COUNTS_MAX_AGE`` seconds by any cache, so the count stays honest without
    a purge per signature. Renders nothing."""
    limit_public_cache(context.get("request"), settings.PUBLIC_CACHE_COUNTS_MAX_AGE)
    return ""


@register.simple_tag(takes_context=True)
def action_card(context, action, heading="h3"):
    """The card of a call to action or a share box, whichever ``action`` is (mixed lists)."""
    name = "share_box" if isinstance(action, ShareBox) else "call_to_action"
    return render_to_string(
        action.card_template,
        {name: action, "heading": heading},
        request=context.get("request"),
    )


@register.simple_tag
def share_links(url, title):
    """(label, href) pairs to share by email or on social networks: plain links, no scripts."""
    text = f"{title} {url}"
    return [
        (
            _("Email"),
            "mailto:?" + urlencode({"subject": title, "body": text}, quote_via=quote),
        ),
        ("Telegram", "https://t.me/share/url?" + urlencode({"url": url, "text": title})),
        ("WhatsApp", "https://wa.me/?" + urlencode({"text": text})),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})),
        ("Mastodon", "https://mastodonshare.com/?" + urlencode({"text": title, "url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
    ]
