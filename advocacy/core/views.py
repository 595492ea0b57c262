import posixpath
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from django.views.static import serve as serve_static

from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Page

from .blocks import prefetch_placed
from .countries import active_locale
from .pagecache import short_public_cache
from .pages import StoryPageMixin
from .public_url import public_url
from .search import clean_query, highlight, query_terms, search_text, searchable_models
from .sitecache import route_request
from .visibility import public_pages

RESULTS_PER_PAGE = 10
# Hook for sections added to the search page by apps above core: a function taking
# (request, search_text, query) and returning HTML, or "" when it has nothing to show.
SEARCH_EXTRAS_HOOK = "site_search_extras"
# Folders of MEDIA_ROOT that are never served as plain files: documents go through Wagtail's
# serve view (/documents/<id>/<name>), which applies collection privacy.
PRIVATE_MEDIA_FOLDERS = ("documents",)


def serve(request, path):
    """Wagtail's page view, routed from the cached site frame (advocacy.core.sitecache): the
    home page comes from the cache and each level below it costs one query."""
    route_request(request, path)
    return wagtail_views.serve(request, path)


class RobotsView(TemplateView):
    """robots.txt: public pages are crawlable; the admin and search results are not."""

    template_name = "robots.txt"
    content_type = "text/plain"

    def get_context_data(self, **kwargs):
        # The sitemap at the public address, as every URL in it is.
        return {**super().get_context_data(**kwargs), "sitemap_url": public_url("/sitemap.xml")}


@never_cache
@require_safe
def health(request):
    """/health/ for the cache tier's backend probe (deploy/varnish): 200 while the database
    answers one query, 503 when it does not, so Varnish serves stale pages (or its 503 page)
    without sending readers to a backend that can only fail. Says nothing else."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def serve_media(request, path):
    """Uploaded media in the local `make run` mode, except the private folders."""
    # The same normalisation django.views.static.serve applies before it opens the file.
    first = posixpath.normpath(path).lstrip("/").split("/", 1)[0]
    if first.casefold() in PRIVATE_MEDIA_FOLDERS:
        raise Http404
    return serve_static(request, path, document_root=settings.MEDIA_ROOT)


def specific_pages(pages):
    """{pk: specific page} for these pages: one query per page type among them (the types
    are known from the rows, so no query to look them up)."""
    by_type = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, []).append(page.pk)
    found = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            found.update(model.objects.in_bulk(pks))
    return found


@short_public_cache
def search(request):
    """Search the page types that declare ``show_in_site_search``, plus the apps' extras.

    Results are public but kept only briefly (``PUBLIC_CACHE_SHORT_MAX_AGE``): each query is
    an address of its own, and any publication purges them all (/search/ in every purge)."""
    raw = request.GET.get("q", "")
    query = clean_query(raw)  # shown back to the reader, escaped
    terms = query_terms(query)  # highlighted in the snippets
    text = search_text(raw)  # the only thing the search backend sees
    results = None
    if query:
        pages = (
            public_pages()
            .filter(locale=active_locale())
            .type(*searchable_models())
            .search(text, operator="and")
            if text
            else Page.objects.none()
        )
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        by_pk = specific_pages(results.object_list)
        # The quotes the results' snippets read, in one query for all the results.
        prefetch_placed(
            [page.body for page in by_pk.values() if isinstance(page, StoryPageMixin)],
            block_types={"pull_quote"},
        )
        results.items = [
            {
                "page": by_pk[p.pk],
                "type": by_pk[p.pk]._meta.verbose_name,
                "snippet": highlight(
                    getattr(by_pk[p.pk], "search_snippet_text", "")
                    or by_pk[p.pk].search_description,
                    terms,
                ),
            }
            for p in results.object_list
            if p.pk in by_pk
        ]
    extras = []
    if text and results.number == 1:
        # Sections other apps add above the first page of results (the quote desk's
        # statements): each hook returns its HTML, or nothing when it found nothing.
        extras = [
            html
            for section in hooks.get_hooks(SEARCH_EXTRAS_HOOK)
            if (html := section(request, text, query))
        ]
    return TemplateResponse(
        request,
        "pages/core/search.html",
        {
            "query": query,
            "filter_query": urlencode({"q": query}) if query else "",
            "results": results,
            "extras": extras,
            "search_page": True,
        },
    )
