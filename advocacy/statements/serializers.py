"""API fields that need the request: a statement's permalink and card addresses."""

from rest_framework.fields import Field

from advocacy.core.listings import listing_url


class PermalinkField(Field):
    """The statement's absolute permalink."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, statement):
        return self.context["request"].build_absolute_uri(statement.get_absolute_url())


class CardURLField(Field):
    """Absolute addresses of the statement's quote cards, by size."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, statement):
        request = self.context["request"]
        return {
            size: request.build_absolute_uri(
                listing_url("statement_card", pk=statement.pk, size=size)
            )
            for size in ("og", "square")
        }
