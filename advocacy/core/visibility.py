"""What the public may see: the one rule, used by every template, serializer, feed, filter,
sitemap, search and API endpoint.

- A page is public when it is live, its expiry time (if any) has not passed, and neither it
  nor any ancestor carries a view restriction (password, login or groups).
- A snippet with a publishing workflow (statements, calls to action) is public when it is
  live and its expiry time has not passed.
- A document or an image is public when its collection, and every collection above it,
  carries no view restriction, and a public page uses it (Wagtail's reference index).

Anything that points at something else (a fact's source, a statement's source page, a
button's page, a press release's report, a report's PDF) shows the target only while the
target is public; otherwise it shows nothing about it, not even its title.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
)

from .request_memo import memo


def not_expired(queryset, now=None):
    """The rows of ``queryset`` whose expiry time is unset or still ahead.

    Written as "id not among the expired" so that the result can still be searched: the
    search backends accept filters on indexed fields only, and every page, statement and
    call to action indexes its id.
    """
    expired = queryset.model.objects.filter(expire_at__lte=now or timezone.now())
    return queryset.exclude(pk__in=expired.values("pk"))


def has_expired(obj, now=None):
    """Whether a page's or snippet's expiry time has passed (the scheduler may not have run)."""
    expire_at = getattr(obj, "expire_at", None)
    return expire_at is not None and expire_at <= (now or timezone.now())


# -- pages ---------------------------------------------------------------------------------
# Remembered per request; a request's cached site frame (core.sitecache) supplies it.
RESTRICTED_PATHS_MEMO = "restricted-page-paths"


def restricted_paths():
    """The tree paths under which pages carry a view restriction: each restricted page's,
    and each alias's of a restricted page (an alias shares its source's restrictions).

    Remembered for the request (advocacy.core.request_memo) and forgotten when a page or a
    restriction is saved during it. A public request gets it from its cached site frame
    (advocacy.core.sitecache, rebuilt whenever a page or a restriction changes); otherwise
    one query (two when restrictions exist), however many pages are checked.
    """
    return memo(RESTRICTED_PATHS_MEMO, _restricted_paths)


def _restricted_paths():
    rows = list(PageViewRestriction.objects.values_list("page_id", "page__path"))
    if not rows:
        return ()
    aliases = Page.objects.filter(alias_of_id__in={page_id for page_id, _path in rows})
    return tuple({path for _page_id, path in rows} | set(aliases.values_list("path", flat=True)))


def may_be_restricted(page):
    """False when no view restriction can apply to this page (nothing restricted above it,
    no alias of something restricted): the page's own restrictions need no query then."""
    return any(page.path.startswith(path) for path in restricted_paths())


def _exclude_restricted(pages):
    """Wagtail's ``.public()`` on the remembered restrictions (no query of its own)."""
    for path in restricted_paths():
        pages = pages.exclude(path__startswith=path)
    return pages


def public_pages(queryset=None):
    """The pages of ``queryset`` (all pages by default) that the public may open."""
    pages = Page.objects.all() if queryset is None else queryset
    return not_expired(_exclude_restricted(pages.live()))


def visible_page_ids(page_ids):
    """Those of these page ids the public may open: one query."""
    ids = {pk for pk in page_ids if pk is not None}
    if not ids:
        return set()
    return set(public_pages().filter(pk__in=ids).values_list("pk", flat=True))


def annotate_public_page(rows, field):
    """The rows, each with ``<field>_is_public``: whether the page its ``field`` points at is
    one the public may open (a fact's or an event's source). Rows read from the database get
    their page in the same query and are decided from it (no query of their own unless a view
    restriction may apply); for rows not read from the database (a preview's unsaved ones),
    one more query."""
    flag = f"{field}_is_public"
    if isinstance(rows, QuerySet):
        rows = list(rows.select_related(field))
        for row in rows:
            setattr(row, flag, is_public_page(getattr(row, field)))
        return rows
    rows = list(rows)
    visible = visible_page_ids(getattr(row, f"{field}_id") for row in rows)
    for row in rows:
        setattr(row, flag, getattr(row, f"{field}_id") in visible)
    return rows


def is_public_page(page):
    """Whether the public may open this page (None and unsaved pages are not public)."""
    if page is None or not page.pk or not page.live or has_expired(page):
        return False
    if not may_be_restricted(page):
        return True
    return not Page.get_view_restrictions(page).exists()


def public_page_or_none(page):
    """The page when the public may open it, else None: for templates and serializers."""
    return page if is_public_page(page) else None


# -- snippets with drafts ------------------------------------------------------------------
def published(queryset):
    """The rows of a DraftStateMixin model's queryset that the public may see."""
    return not_expired(queryset.filter(live=True))


def is_published(obj):
    """Whether the public may see this DraftStateMixin object (a statement, an action)."""
    return bool(obj is not None and obj.pk and obj.live and not has_expired(obj))


# -- collections, documents, images --------------------------------------------------------
def restricted_collection_ids():
    """Collections with a view restriction on themselves or an ancestor."""
    paths = list(
        Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection_id")
        ).values_list("path", flat=True)
    )
    if not paths:
        return set()
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return set(Collection.objects.filter(under).values_list("pk", flat=True))


def is_public_collection(collection):
    if collection is None:
        return False
    prefixes = [collection.path[:n] for n in range(Collection.steplen, len(collection.path) + 1)]
    return not CollectionViewRestriction.objects.filter(collection__path__in=prefixes).exists()


def _used_by_public_pages(model):
    """Ids of ``model`` rows that a public page uses, from Wagtail's reference index.

    The index records a page's live content (it re-reads the saved row, and a draft of a
    live page is kept in its revisions, not in the row), so a file only a draft uses is out.
    """
    page_ids = public_pages().annotate(pk_text=Cast("pk", CharField())).values("pk_text")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=page_ids,
            to_content_type=ContentType.objects.get_for_model(model),
        )
        .annotate(to_pk=Cast("to_object_id", IntegerField()))
        .values("to_pk")
    )


def _public_media(model, queryset=None):
    rows = model.objects.all() if queryset is None else queryset
    # Filters on indexed fields only (collection, id), so the result can still be searched.
    return rows.exclude(collection__in=restricted_collection_ids()).filter(
        pk__in=_used_by_public_pages(model)
    )


def public_documents(queryset=None):
    """Documents in a public collection that a public page uses."""
    return _public_media(get_document_model(), queryset)


def public_images(queryset=None):
    """Images in a public collection that a public page uses."""
    return _public_media(get_image_model(), queryset)


def is_public_document(document):
    """Whether a document may be offered to the public: public collection, used publicly."""
    if document is None or not is_public_collection(document.collection):
        return False
    return public_documents().filter(pk=document.pk).exists()


def public_document_or_none(document):
    return document if is_public_document(document) else None
