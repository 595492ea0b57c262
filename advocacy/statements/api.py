"""The statements endpoint of the read-only API v2: published statements only."""

from rest_framework.exceptions import ValidationError

from wagtail.api.v2.views import BaseAPIViewSet

from advocacy.core.api import JSON_ONLY, AlwaysJSON

from .filters import StatementFilterForm
from .models import Statement


class StatementsAPIViewSet(BaseAPIViewSet):
    model = Statement
    renderer_classes = JSON_ONLY
    content_negotiation_class = AlwaysJSON
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {
        "speaker",
        "country",
        "topic",
        "language",
        "q",
    }
    body_fields = BaseAPIViewSet.body_fields + [
        "text",
        "language",
        "speaker_name",
        "speaker_role",
        "speaker_organisation",
        "anonymous_source",
        "date_said",
        "date_label",
        "country_codes",
        "topic_slugs",
        "context_note",
        "permalink",
        "card_urls",
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "text",
        "speaker_name",
        "speaker_role",
        "anonymous_source",
        "date_said",
        "date_label",
        "language",
        "country_codes",
        "permalink",
        "card_urls",
    ]
    name = "statements"

    def get_queryset(self):
        params = self.request.GET.copy()
        if params.get("search") and not params.get("q"):
            # Wagtail's usual ?search= means the same as the desk's ?q= (one sanitiser).
            params["q"] = params["search"]
        form = StatementFilterForm(params)
        if not form.is_valid():
            raise ValidationError(
                {field: " ".join(errors) for field, errors in form.errors.items()}
            )
        return form.filter(Statement.objects.published().with_relations())

    def paginate_queryset(self, queryset):
        """The page of statements, their countries worked out together (one query)."""
        return Statement.load_public_countries(super().paginate_queryset(queryset))
