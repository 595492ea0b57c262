"""Metadata in <head>: description, canonical, Open Graph, Twitter card, JSON-LD, hreflang."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page

from advocacy.core.models import SiteSettings
from advocacy.core.pages import BasePage
from advocacy.core.public_url import public_url
from advocacy.core.sitecache import frame_for_request
from advocacy.core.translation import public_versions

register = template.Library()

# The social-card image: 1200x630, the size Facebook, X and LinkedIn ask for, in WebP. The
# big link-preview crawlers decode WebP (Meta's, which also builds WhatsApp's previews, X's,
# Telegram's, Slack's, Discord's) and it is about a third smaller than the same JPEG, so a
# preview costs readers on slow or metered lines less. Not AVIF: Meta's crawler and several
# messengers still drop it, and a preview without its picture is worse than a larger file.
# Should a platform that matters show previews without the picture, "format-jpeg" here is the
# whole fix. The original carries no metadata (advocacy.core.images) and Willow adds none,
# so this rendition carries none either.
SOCIAL_IMAGE_FILTER = "fill-1200x630|format-webp|webpquality-80"
SOCIAL_IMAGE_TYPE = "image/webp"

# Characters that could end a <script> element or start markup, escaped inside JSON.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A JSON-LD <script> whose content cannot break out of the element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308  escaped above
    )


def organisation(request, site_settings):
    """The publisher, at the site's public address."""
    return {
        "@type": "Organization",
        "name": site_settings.organisation_name,
        "url": public_url("/"),
    }


def social_meta(
    *,
    title,
    url,
    description,
    site_name,
    json_ld,
    og_type="website",
    og_description=None,
    image_url=None,
    image_type=SOCIAL_IMAGE_TYPE,
    image_alt="",
    org_json_ld=None,
    translations=(),
):
    """The context of ``components/meta.html``, the one template for a page's description,
    canonical link, hreflang links, Open Graph and Twitter tags and JSON-LD: pages use it
    through ``page_meta``, other views (a statement's permalink) through their own tag."""
    return {
        "title": title,
        "url": url,
        "description": description,
        "og_description": og_description or description,
        "site_name": site_name,
        "og_type": og_type,
        "image_url": image_url,
        "image_type": image_type,
        "image_alt": image_alt,
        "json_ld": json_ld,
        "org_json_ld": org_json_ld,
        "translations": translations,
    }


@register.inclusion_tag("components/meta.html", takes_context=True)
def page_meta(context):
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return {}
    site_settings = SiteSettings.for_request(request)
    url = context.get("canonical_url") or page.get_full_url(request)
    publisher = organisation(request, site_settings)
    image_url = image_alt = None
    if isinstance(page, BasePage):
        description = page.meta_description
        image = page.og_image
        if image is not None:
            rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
            image_url = public_url(rendition.url)
            image_alt = page.og_image_alt
        data = page.structured_data(request, publisher)
    else:  # a page type from a package: what every Wagtail page has
        description = page.search_description
        data = {"@type": "WebPage", "name": page.title}
    data = {"@context": "https://schema.org", "url": url, **data}
    if "publisher" not in data and data["@type"] != "WebPage":
        data["publisher"] = publisher
    if image_url and "image" not in data:
        data["image"] = image_url
    translations = []
    # The frame knows which pages have more than one public translation: the others need
    # no query to learn that they have no alternates to list.
    if page.pk and page.translation_key in frame_for_request(request).translated_keys:
        translations = [
            (code, version.get_full_url(request))
            for code, version in public_versions(page, request).items()
        ]
        # Readers whose language has no version get the default language's (x-default).
        default_url = dict(translations).get(settings.LANGUAGE_CODE)
        if default_url and len(translations) > 1:
            translations.append(("x-default", default_url))
    return social_meta(
        title=page.seo_title or page.title,
        url=url,
        description=description,
        site_name=site_settings.organisation_name,
        og_type="article" if data["@type"] in {"NewsArticle", "Chapter"} else "website",
        image_url=image_url,
        image_alt=image_alt,
        json_ld=json_ld_script(data),
        org_json_ld=json_ld_script({"@context": "https://schema.org", **publisher}),
        translations=translations if len(translations) > 1 else [],
    )
