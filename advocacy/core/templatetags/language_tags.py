"""The reader's languages: the switcher on every page, and the notice on a translation.

Every language in ``settings.LANGUAGES`` is offered, so adding a locale is a settings change
plus translations. A page links to its public translation; where there is none, to that
language's home page, and the link says so (never to English content under another
language's prefix). Other addresses (search, a statement's permalink) link to the same
address in the other language, or to what the view names in ``language_links``.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page

from advocacy.core.sitecache import frame_for_request
from advocacy.core.translation import language_of, original_of, original_page, public_versions
from advocacy.core.visibility import public_page_or_none

register = template.Library()


def language_home(request, code):
    """The home page's address in this language ("/ru/"), whether or not it is translated."""
    frame = frame_for_request(request)
    home = frame.home
    # No query when the frame knows the home page has no public translation.
    if home is not None and home.translation_key in frame.translated_keys:
        locale = next((loc for loc in frame.locales.values() if loc.language_code == code), None)
        translated = home.get_translation_or_none(locale) if locale is not None else None
        if translated is not None and public_page_or_none(translated) is not None:
            return translated.get_url(request)
    with translation.override(code):
        return translate_url("/", code)


def page_alternates(request, page):
    """{language code: public page} for the page's versions, itself included."""
    if not isinstance(page, Page) or page.pk is None:
        return {}
    return public_versions(page, request)


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context.get("request")
    if request is None:
        return {"links": []}
    current = translation.get_language()
    page = context.get("page")
    given = context.get("language_links") or {}
    alternates = page_alternates(request, page) if isinstance(page, Page) else {}
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        untranslated = False
        if "request_path" in context:
            # Django's "not found" page (its context names the address asked for): the
            # language's home page, so every 404 reads the same whatever was asked.
            href = language_home(request, code)
        elif code in given:
            href = given[code]
            untranslated = href is None
            if untranslated:
                href = language_home(request, code)
        elif isinstance(page, Page) and getattr(request, "routable_resolver_match", None) is None:
            version = alternates.get(code)
            if version is not None:
                href = version.get_url(request)
            else:
                href, untranslated = language_home(request, code), True
        else:
            # The same address and query, unless the query is longer than any real one
            # (search echoes a query only cut to length: never the raw text here).
            path = (
                request.get_full_path()
                if len(request.META.get("QUERY_STRING", "")) <= 200
                else request.path
            )
            href = translate_url(path, code)
        links.append({"code": code, "name": name, "href": href, "untranslated": untranslated})
    return {"links": links}


@register.inclusion_tag("components/translation_notice.html", takes_context=True)
def translation_notice(context, obj=None, original_url=None):
    """ "Translated from English", with a link to the original, on a translated page or
    statement; nothing on an original."""
    obj = obj if obj is not None else context.get("page")
    if obj is None or not hasattr(obj, "translation_key"):
        return {}
    request = context.get("request")
    original = original_page(obj, request) if isinstance(obj, Page) else original_of(obj)
    if original is None:
        return {}
    if original_url is None:
        original_url = (
            original.get_url(request) if isinstance(original, Page) else original.get_absolute_url()
        )
    code = language_of(original)
    return {
        "original": original,
        "original_url": original_url,
        "original_language": code,
        "from_english": code == "en",
        "language_name": translation.get_language_info(code)["name_translated"],
    }


@register.simple_tag(takes_context=True)
def untranslated_original(context):
    """On a "not found" page under another language's prefix (/ru/about-us/): the public
    default-language page at the same address, when there is one, so the page can say it is
    not translated yet and link to it; else None."""
    request = context.get("request")
    language = translation.get_language()
    if request is None or not language or language == settings.LANGUAGE_CODE:
        return None
    prefix = f"/{language}/"
    if not request.path.startswith(prefix):
        return None
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        return None
    rest = request.path[len(prefix) :].strip("/")
    url_path = site.root_page.url_path + (f"{rest}/" if rest else "")
    found = Page.objects.filter(url_path=url_path).first()
    return public_page_or_none(found) if found is not None else None
