"""API fields that name a related page or document only while the public may see it.

Wagtail's API serializers are imported when a value is shown, not when models load (they
import models themselves).
"""

from rest_framework.relations import RelatedField

from .public_url import public_url
from .visibility import public_document_or_none, public_page_or_none


class PublicPageField(RelatedField):
    """A page foreign key in the API: the page (id, type, title, URLs) only while the
    public may open it; otherwise null, so a draft's title never leaves the site."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return public_page_or_none(getattr(instance, self.source, None))

    def to_representation(self, page):
        from wagtail.api.v2.serializers import PageSerializer, get_serializer_class

        serializer_class = get_serializer_class(
            page.__class__,
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PageSerializer,
        )
        return serializer_class(context=self.context).to_representation(page)


class PublicDocumentField(RelatedField):
    """A document foreign key in the API: id, title and download URL only while public."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return public_document_or_none(getattr(instance, self.source, None))

    def to_representation(self, document):
        url = document.url
        return {
            "id": document.pk,
            "title": document.title,
            "download_url": public_url(url),
        }
