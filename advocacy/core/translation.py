"""What a reader and an editor need to know about a translated page or snippet.

Translations are made in the admin with wagtail-localize: a translation is a row in the
target locale with its source's ``translation_key``, and wagtail-localize keeps a
``TranslationSource`` (the source's words at the last sync) and a ``Translation`` (the target
locale, its progress). This module reads those, for any translatable model, so that no app
needs to know how: which version is the original, whether a row is a translation, and
whether a translation is behind its source (for editors: never shown as current silently).
"""

from wagtail_localize.models import Translation, TranslationSource

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from wagtail.models import Locale, Page, TranslatableMixin, get_page_content_types


def default_locale():
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()


def default_locale_cached():
    """The default locale, from the request's site frame when there is one (no query)."""
    from . import request_memo

    locales = request_memo.recall("frame-locales") or {}
    return locales.get(settings.LANGUAGE_CODE) or request_memo.memo(
        "default-locale", default_locale
    )


def localized(queryset, locale):
    """The rows of ``queryset`` a reader in ``locale`` sees: each row in that locale, and
    each default-language row that has no version in it (so a listing never loses an entry
    that is not translated yet). In the default locale: its own rows."""
    if locale is None:
        return queryset
    default = default_locale_cached()
    if default is None or locale.pk == default.pk:
        return queryset.filter(locale=locale) if default is not None else queryset
    translated = queryset.model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale=locale
    )
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Exists(translated)))


def localized_page(page, locale):
    """The page's version in ``locale`` when it has a live one, else the page itself: a
    translation keeps its source's links to pages, and a reader follows them in their own
    language where they can."""
    if page is None or locale is None or page.locale_id == locale.pk:
        return page
    version = page.get_translation_or_none(locale)
    return version.specific if version is not None and version.live else page


def language_of(obj):
    """The language code of a translatable row's locale, from the request's site frame when
    there is one (no query), else from the row."""
    from . import request_memo

    for code, locale in (request_memo.recall("frame-locales") or {}).items():
        if locale.pk == obj.locale_id:
            return code
    return obj.locale.language_code


def public_versions(page, request=None):
    """{language code: public page} for a page's versions, itself included when public, once
    per request (the head's hreflang, the switcher and a country page's languages all ask).
    No query when the site frame knows the page has no public translation, or holds the
    page's versions itself (country pages)."""
    from . import request_memo
    from .sitecache import frame_for_request
    from .visibility import is_public_page

    if page is None or page.pk is None:
        return {}
    frame = frame_for_request(request) if request is not None else None
    if frame is not None and page.translation_key not in frame.translated_keys:
        return {language_of(page): page} if page.live else {}
    if frame is not None and any(p.pk == page.pk for p in frame.country_pages or ()):
        return {
            language_of(version): version
            for version in frame.country_pages
            if version.translation_key == page.translation_key
        }

    def compute():
        # Plain pages, live ones, decided public one by one (expiry, and view restrictions
        # from the frame): a simple query, quick to build, for every page's head.
        versions = Page.objects.filter(translation_key=page.translation_key, live=True)
        return {language_of(version): version for version in versions if is_public_page(version)}

    return request_memo.memo(f"public-versions:{page.pk}", compute)


def translation_sources():
    """{(translation key, locale id): the locale id it was translated from} for every page
    translated with wagtail-localize: one query (the site frame keeps it)."""
    return {
        (object_id, target): source
        for object_id, target, source in Translation.objects.filter(
            source__specific_content_type__in=get_page_content_types()
        ).values_list("source__object_id", "target_locale_id", "source__locale_id")
        if target != source
    }


def original_page(page, request=None):
    """The public version this page was translated from, or None (an original, or one whose
    original the public may not open): from the site frame and ``public_versions``, no query
    of its own in a request."""
    from .sitecache import frame_for_request

    if page is None or page.pk is None:
        return None
    if request is None:
        return original_of(page)  # live, for pages
    sources = frame_for_request(request).translation_sources or {}
    source_locale_id = sources.get((page.translation_key, page.locale_id))
    if source_locale_id is None:
        return None
    for version in public_versions(page, request).values():
        if version.locale_id == source_locale_id:
            return version
    return None


def source_for(obj):
    """The ``TranslationSource`` this object was translated from, or None when it is not a
    translation (an original, or a row copied by hand)."""
    if not isinstance(obj, TranslatableMixin) or obj.pk is None:
        return None
    if obj.locale_id == getattr(default_locale_cached(), "pk", None):
        # This site translates from its default language: an original needs no query.
        return None
    cached = getattr(obj, "_translation_source", False)
    if cached is not False:
        return cached
    found = (
        TranslationSource.objects.filter(
            object_id=obj.translation_key,
            translations__target_locale_id=obj.locale_id,
        )
        .exclude(locale_id=obj.locale_id)
        .select_related("locale")
        .first()
    )
    obj._translation_source = found
    return found


def prefetch_originals(objs):
    """Work out ``original_of`` for many rows of one model at once: one query per language
    the rows are in (a listing is in one), none when every row is in the default language.
    The result is kept on each row as ``_original``, with its locale."""
    default = default_locale_cached()
    rows = [o for o in objs if default is None or o.locale_id != default.pk]
    for obj in objs:
        if obj not in rows:
            obj._original = None
    if not rows:
        return
    model = type(rows[0])
    by_locale = {}
    for obj in rows:
        by_locale.setdefault(obj.locale_id, []).append(obj)
    for locale_id, group in by_locale.items():
        # The originals: the same translation_key, in the locale wagtail-localize's
        # TranslationSource says this locale's version was translated from.
        translated_from_here = TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"),
            locale_id=OuterRef("locale_id"),
            translations__target_locale_id=locale_id,
        )
        originals = {
            original.translation_key: original
            for original in model._default_manager.filter(
                translation_key__in={o.translation_key for o in group}
            )
            .exclude(locale_id=locale_id)
            .filter(Exists(translated_from_here))
            .select_related("locale")
        }
        for obj in group:
            original = originals.get(obj.translation_key)
            if original is not None and getattr(original, "live", True) is False:
                original = None
            obj._original = original


def localized_pages(pages, locale):
    """``localized_page`` for many pages at once: {page pk: the page's live version in
    ``locale``, else the page}, in one query (none when they are all in ``locale``)."""
    pages = [p for p in pages if p is not None]
    others = [p for p in pages if locale is not None and p.locale_id != locale.pk]
    found = {}
    if others:
        found = {
            version.translation_key: version
            # Plain pages (one query): a link needs only the title, address and description.
            for version in Page.objects.filter(
                translation_key__in={p.translation_key for p in others}, locale=locale, live=True
            )
        }
    return {p.pk: found.get(p.translation_key, p) for p in pages}


def localize_source_pages(rows, field="source_page"):
    """For a listing: each row's ``field`` page in the row's own language where it has a live
    version (kept as ``_localized_source``, a plain ``Page``), in one query for all the
    rows."""
    default = default_locale_cached()
    others = [
        r
        for r in rows
        if getattr(r, f"{field}_id") and (default is None or r.locale_id != default.pk)
    ]
    if not others:
        return
    pages = {r.pk: getattr(r, field) for r in others}
    # Plain pages (no .specific(): one query): a link needs only the title and the address.
    versions = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in={p.translation_key for p in pages.values()},
            locale_id__in={r.locale_id for r in others},
            live=True,
        )
    }
    for row in others:
        page = pages[row.pk]
        row._localized_source = versions.get((page.translation_key, row.locale_id), page)


def original_of(obj):
    """The version this one was translated from (live, for pages and drafts), or None."""
    if hasattr(obj, "_original"):
        return obj._original
    source = source_for(obj)
    if source is None:
        return None
    original = obj.get_translation_or_none(source.locale)
    if original is None:
        return None
    if isinstance(original, Page):
        original = original.specific
        if not original.live:
            return None
    elif getattr(original, "live", True) is False:
        return None
    return original


def last_changed(obj):
    """When the object's words last changed: its latest revision, else now unknown (None)."""
    if isinstance(obj, Page):
        return obj.latest_revision_created_at or obj.last_published_at
    revision = getattr(obj, "latest_revision", None)
    return revision.created_at if revision is not None else None


def is_out_of_date(source):
    """Whether the source has changed since its words were last synced to translators."""
    if source is None:
        return False
    try:
        instance = source.get_source_instance()
    except source.specific_content_type.model_class().DoesNotExist:
        return False
    changed = last_changed(instance)
    return changed is not None and changed > source.last_updated_at


def translation_status(locale=None):
    """Every translation editors have started, with what an overview shows: the object, the
    target language, how much is translated, and whether its source moved on since."""
    translations = Translation.objects.filter(enabled=True).select_related(
        "source", "source__locale", "target_locale", "source__specific_content_type"
    )
    if locale is not None:
        translations = translations.filter(target_locale=locale)
    rows = []
    for translation in translations.order_by("source__specific_content_type", "source__pk"):
        total, done = translation.get_progress()
        rows.append(
            {
                "translation": translation,
                "source": translation.source,
                "target": target_or_none(translation),
                "total": total,
                "done": done,
                "out_of_date": is_out_of_date(translation.source),
            }
        )
    return rows


def target_or_none(translation):
    try:
        return translation.get_target_instance()
    except translation.source.specific_content_type.model_class().DoesNotExist:
        return None


def untranslated(model, locale):
    """Default-language rows of a translatable ``model`` with no version in ``locale``."""
    default = default_locale_cached()
    if default is None or locale is None or default.pk == locale.pk:
        return model._default_manager.none()
    translated = model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale=locale
    )
    return model._default_manager.filter(locale=default).exclude(Exists(translated))
