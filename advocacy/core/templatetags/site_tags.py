from django import template
from django.conf import settings

from wagtail.models import Page, Site

from advocacy.core import listings
from advocacy.core.models import SiteSettings
from advocacy.core.visibility import public_page_or_none, public_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the current site, in the reader's language when translated."""
    request = context.get("request")
    if request is None:
        return None
    if "_site_root" not in context.render_context:
        site = Site.find_for_request(request)
        context.render_context["_site_root"] = site.root_page.localized if site else None
    return context.render_context["_site_root"]


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """Top-level navigation: the home page's live, public children marked "show in menus"."""
    root = site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        items = list(public_pages(Page.objects.child_of(root)).in_menu().only("title", "url_path"))
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
    if "_privacy_page" not in context.render_context:
        site_settings = SiteSettings.for_request(request)
        if site_settings.privacy_page_id is not None:
            page = public_page_or_none(site_settings.privacy_page.localized)
        else:
            root = site_root(context)
            page = (
                public_pages(Page.objects.child_of(root)).filter(slug="privacy").first()
                if root is not None
                else None
            )
        context.render_context["_privacy_page"] = page
    return context.render_context["_privacy_page"]


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
