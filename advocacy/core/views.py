from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.generic import TemplateView

from wagtail.models import Locale, Page

from .search import clean_query, highlight, query_terms, searchable_models

RESULTS_PER_PAGE = 10


class RobotsView(TemplateView):
    """robots.txt: public pages are crawlable; the admin and search results are not."""

    template_name = "robots.txt"
    content_type = "text/plain"


def search(request):
    """Search the report, its chapters and press releases (and later apps' pages)."""
    query = clean_query(request.GET.get("q", ""))
    terms = query_terms(query)
    results = None
    if query:
        # Only the words go to the search backend: quotes and operators typed into the
        # box are not query syntax here (SQLite's FTS5 would reject an unbalanced quote).
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .type(*searchable_models())
            .search(" ".join(terms), operator="and")
            if terms
            else Page.objects.none()
        )
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        specific = Page.objects.filter(pk__in=[p.pk for p in results.object_list]).specific()
        by_pk = {page.pk: page for page in specific}
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
    statements = []
    if terms and (results is None or results.number == 1):
        from advocacy.statements.models import Statement

        statements = list(
            Statement.objects.published()
            .select_related("speaker")
            .search(" ".join(terms), operator="and")[:5]
        )
    return TemplateResponse(
        request,
        "pages/core/search.html",
        {
            "query": query,
            "filter_query": urlencode({"q": query}) if query else "",
            "results": results,
            "statements": statements,
            "search_page": True,
        },
    )
