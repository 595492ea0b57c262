from django import template
from django.conf import settings

from advocacy.core import listings
from advocacy.core.sitecache import frame_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the current site, in the reader's language when translated."""
    request = context.get("request")
    if request is None:
        return None
    return frame_for_request(request).home


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """Top-level navigation: the home page's live, public children marked "show in menus"
    (from the site frame: advocacy.core.sitecache)."""
    root = site_root(context)
    current = context.get("page")
    request = context.get("request")
    items = frame_for_request(request).menu if request is not None else []
    current_path = getattr(current, "url_path", "")
    return {
        "request": context.get("request"),
        "root": root,
        "search_page": context.get("search_page", False),
        "items": [
            {"page": item, "active": current_path.startswith(item.url_path)} for item in items
        ],
    }


@register.simple_tag
def listing_url(name, *args, **kwargs):
    """The address of a listing page's route, like ``{% url %}`` for the routes listing
    pages serve: ``{% listing_url "quote_desk" %}``, ``{% listing_url "actions:detail" slug %}``."""
    return listings.listing_url(name, *args, **kwargs)


@register.simple_tag(takes_context=True)
def privacy_page(context):
    """The site's privacy page (site settings; else the home page's child "privacy"), in the
    reader's language when translated, while public."""
    request = context.get("request")
    if request is None:
        return None
    return frame_for_request(request).privacy


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    """Wagtail's userbar, for a request that carries a session (only a signed-in editor can
    see it). An anonymous reader's page never reads the session for it, so the page sets no
    cookie, does not vary on Cookie and can be cached (advocacy.core.pagecache)."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

    return wagtailuserbar(context, position)
