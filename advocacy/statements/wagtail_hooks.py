from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Statement, Topic


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "openquote"
    menu_label = "Statements"
    list_display = ["__str__", "attribution", "date_said", "language"]
    list_filter = ["language", "speaker", "live"]
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
