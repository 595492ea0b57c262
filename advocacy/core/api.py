"""The read-only API's page, image and document endpoints and its one search filter."""

from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from .search import search_text
from .visibility import (
    public_documents,
    public_images,
    public_pages,
)

SEARCH_OPERATORS = {"and", "or"}


# JSON only, whatever the client's Accept header (DRF's browsable HTML view off): one
# address, one response, so responses can be cached by address and carry no Vary: Accept
# (advocacy.core.pagecache).
JSON_ONLY = [JSONRenderer]


class AlwaysJSON(BaseContentNegotiation):
    """Content negotiation that always picks the one renderer (JSON)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class SafeSearchFilter:
    """``?search=`` for every API endpoint: the query goes through the site's one sanitiser
    (search_text) first, so quotes, operators and markup are never query syntax."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator") or None
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be “and” or “or”")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        text = search_text(request.GET["search"])
        if not text:
            return queryset.none()
        try:
            return get_search_backend().search(
                text, queryset, operator=operator, order_by_relevance="order" not in request.GET
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching"
            ) from None
        except OrderByFieldError as error:
            raise BadRequestError(f"cannot order by '{error.field_name}' while searching") from None


def _with_safe_search(filter_backends):
    return [
        SafeSearchFilter if backend.__name__ == "SearchFilter" else backend
        for backend in filter_backends
    ]


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Live, public, unexpired pages; the parent field and filters use the same rule."""

    renderer_classes = JSON_ONLY
    content_negotiation_class = AlwaysJSON

    filter_backends = _with_safe_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        return public_pages(super().get_base_queryset())


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Only documents a public page uses, in collections without a view restriction."""

    renderer_classes = JSON_ONLY
    content_negotiation_class = AlwaysJSON

    filter_backends = [FieldsFilter, OrderingFilter, SafeSearchFilter]

    def get_queryset(self):
        return public_documents(super().get_queryset())


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Only images a public page uses, in collections without a view restriction."""

    renderer_classes = JSON_ONLY
    content_negotiation_class = AlwaysJSON

    filter_backends = [FieldsFilter, OrderingFilter, SafeSearchFilter]

    def get_queryset(self):
        return public_images(super().get_queryset())
