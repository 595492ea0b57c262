from django.template.loader import render_to_string

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from advocacy.core.countries import active_locale
from advocacy.core.home import HOME_SECTIONS_HOOK
from advocacy.core.listings import listing_url
from advocacy.core.pagecache import PURGE_URLS_HOOK
from advocacy.core.publication import PublicationStatusFilter
from advocacy.core.translation import localized
from advocacy.people.models import Person

from . import cards, demo, home
from .models import Statement, Topic

hooks.register(HOME_SECTIONS_HOOK, home.latest_statements, order=200)


class StatementFilterSet(WagtailFilterSet):
    """By language, speaker and publication status (live, draft, scheduled…)."""

    status = PublicationStatusFilter()

    class Meta:
        model = Statement
        fields = ["language", "speaker"]


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "openquote"
    menu_label = "Statements"
    # The status column tells a draft or a scheduled statement from a live one at a glance.
    list_display = ["__str__", "attribution", "date_said", "language", LiveStatusTagColumn()]
    filterset_class = StatementFilterSet
    search_fields = ["text", "anonymous_source"]
    ordering = ["-date_said"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"


class QuoteDeskGroup(SnippetViewSetGroup):
    items = (StatementViewSet, TopicViewSet)
    menu_icon = "openquote"
    menu_label = "Quote desk"
    menu_name = "quote-desk"
    menu_order = 190


register_snippet(QuoteDeskGroup)


@hooks.register("site_search_extras")
def statements_matching_the_search(request, text, query):
    """The site search's "Statements" box: up to five published statements matching."""
    statements = list(
        localized(Statement.objects.published(), active_locale())
        .select_related("speaker", "locale")
        .search(text, operator="and")[:5]
    )
    if not statements:
        return ""
    return render_to_string(
        "components/statement_search_results.html",
        {"statements": statements, "query": query},
        request=request,
    )


# Before the report's step (300), which publishes the statements the desk lists.
hooks.register("build_demo_content", demo.build_desk_page, order=200)


@hooks.register(PURGE_URLS_HOOK)
def statement_addresses(obj):
    """What shows a statement (or a topic, or a speaker) on the quote desk: the desk, its
    feed and CSV, the permalinks and cards, the statements API. Pages quoting it are found
    by core through the reference index."""
    if not isinstance(obj, Statement | Topic | Person):
        return []
    urls = [
        listing_url("quote_desk"),
        listing_url("statements_feed"),
        listing_url("statements_csv"),
        "/api/v2/statements/",
    ]
    if isinstance(obj, Statement):
        urls += [
            listing_url("statement_detail_short", pk=obj.pk),
            listing_url("statement_detail", pk=obj.pk, slug=obj.slug or "-"),
            f"/api/v2/statements/{obj.pk}/",
            *(listing_url("statement_card", pk=obj.pk, size=size) for size in cards.SIZES),
        ]
    return urls
