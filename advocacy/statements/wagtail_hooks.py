from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

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
from advocacy.core.translation import language_of, localized
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
    menu_label = _("Statements")
    # The status column tells a draft or a scheduled statement from a live one at a glance.
    list_display = ["__str__", "attribution", "date_said", "language", LiveStatusTagColumn()]
    filterset_class = StatementFilterSet
    search_fields = ["text", "anonymous_source"]
    ordering = ["-date_said"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")


class QuoteDeskGroup(SnippetViewSetGroup):
    items = (StatementViewSet, TopicViewSet)
    menu_icon = "openquote"
    menu_label = _("Quote desk")
    menu_name = "quote-desk"
    menu_order = 190


register_snippet(QuoteDeskGroup)


@hooks.register("site_search_extras")
def statements_matching_the_search(request, text, query):
    """The site search's "Statements" box: up to five published statements matching."""
    locale = active_locale()
    if locale is None or locale.language_code == settings.LANGUAGE_CODE:
        statements = list(
            Statement.objects.published()
            .filter(locale=locale)
            .select_related("speaker", "locale")
            .search(text, operator="and")[:5]
        )
        return render_statements(request, statements, query)
    # Another language: best matches first, then only the versions a reader in it sees (the
    # search backend cannot filter on the translation rule itself).
    ranked = [s.pk for s in Statement.objects.published().search(text, operator="and")[:200]]
    shown = localized(Statement.objects.published(), locale).filter(pk__in=ranked)
    order = {pk: index for index, pk in enumerate(ranked)}
    statements = sorted(
        shown.select_related("speaker", "locale"), key=lambda statement: order[statement.pk]
    )[:5]
    return render_statements(request, statements, query)


def render_statements(request, statements, query):
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
    # Every language's desk: a listing shows the original where there is no translation.
    urls = ["/api/v2/statements/"]
    for language, _name in settings.LANGUAGES:
        urls += [
            listing_url("quote_desk", language=language),
            listing_url("statements_feed", language=language),
            listing_url("statements_csv", language=language),
        ]
    if isinstance(obj, Statement):
        own = language_of(obj) if obj.locale_id else settings.LANGUAGE_CODE
        urls += [
            listing_url("statement_detail_short", pk=obj.pk, language=own),
            obj.get_absolute_url(),
            f"/api/v2/statements/{obj.pk}/",
            *(
                listing_url("statement_card", pk=obj.pk, size=size, language=own)
                for size in cards.SIZES
            ),
        ]
    return urls
