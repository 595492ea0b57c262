"""API fields: a statement's permalink and card addresses, on the public address."""

from rest_framework.fields import Field

from advocacy.core.listings import listing_url
from advocacy.core.public_url import public_url


class PermalinkField(Field):
    """The statement's absolute permalink."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, statement):
        return public_url(statement.get_absolute_url())


class CardURLField(Field):
    """Absolute addresses of the statement's quote cards, by size."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, statement):
        return {
            size: public_url(listing_url("statement_card", pk=statement.pk, size=size))
            for size in ("og", "square")
        }
