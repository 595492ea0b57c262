"""The statements endpoint of the read-only API v2: published statements only."""

from rest_framework.exceptions import ValidationError

from django.conf import settings
from django.utils import translation

from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from advocacy.core.api import JSON_ONLY, AlwaysJSON
from advocacy.core.translation import localized

from .filters import StatementFilterForm
from .models import Statement

LOCALE_CODES = ", ".join(code for code, _name in settings.LANGUAGES)


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
        "locale",
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
        "translated_from",
        "original_permalink",
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
        # ?locale=ru: the statements a Russian reader sees (translations where they exist,
        # else the originals); the default language's without it. An unknown code is a 400.
        code = params.get("locale") or settings.LANGUAGE_CODE
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise ValidationError({"locale": f"Unknown locale; use one of: {LOCALE_CODES}."})
        # Words are matched with the language's own search configuration (advocacy.core.
        # search_backend), which follows the active language.
        with translation.override(code):
            return form.filter(localized(Statement.objects.published(), locale).with_relations())

    def paginate_queryset(self, queryset):
        """The page of statements, their countries worked out together (one query)."""
        return Statement.load_public_countries(super().paginate_queryset(queryset))
