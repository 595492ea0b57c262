"""Template tags that place calls to action on other apps' pages, and share them."""

from urllib.parse import quote, urlencode

from django import template
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from advocacy.actions.models import CallToAction
from advocacy.core.visibility import public_pages

register = template.Library()

STATUS_ORDER = {"open": 0, "scheduled": 1, "closed": 2}


def _in_order(actions):
    return sorted(actions, key=lambda action: STATUS_ORDER[action.status])


@register.simple_tag
def country_calls_to_action(country_page):
    """The calls to action that concern this country (its authorities, its organisations).

    Derived from each action's "countries"; nothing is typed twice. Scheduled ones are
    left out until they open.
    """
    code = getattr(country_page, "iso_code", None)
    if not code:
        return []
    # CountryField(multiple=True) stores "AM,BY,KG": a two-letter code can only match whole.
    actions = (
        CallToAction.objects.published()
        .filter(Q(countries__contains=str(code)), ~Q(kind=CallToAction.Kind.SHARE))
        .order_by("created_at", "pk")
    )
    return [action for action in _in_order(actions) if action.status != "scheduled"]


@register.simple_tag
def report_calls_to_action(chapters):
    """The calls to action placed in a report's chapters, in reading order, each once.

    Read from the chapters' raw StreamField data (already loaded with them), then one query.
    """
    ids = []
    for chapter in chapters:
        for block in chapter.body.raw_data:
            value = block["value"]
            if block["type"] != "call_to_action" or not str(value).isdigit():
                continue
            if int(value) not in ids:
                ids.append(int(value))
    if not ids:
        return []
    found = CallToAction.objects.published().select_related("link_page").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found and found[pk].status != "scheduled"]


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


@register.simple_tag(takes_context=True)
def privacy_page(context):
    """The site's live privacy page (a child of the home page with the slug "privacy")."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return (
        public_pages(Page.objects.child_of(site.root_page))
        .filter(slug="privacy")
        .only("url_path", "title")
        .first()
    )
