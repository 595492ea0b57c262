"""Template filters for the one "visible to the public" rule (advocacy.core.visibility)."""

from django import template

from advocacy.core import visibility

register = template.Library()


@register.filter
def public_page(page):
    """The page while the public may open it, else None: ``{% with p=x|public_page %}``."""
    return visibility.public_page_or_none(page)


@register.filter
def is_published(obj):
    """Whether a statement or call to action is live and not expired."""
    return visibility.is_published(obj)


@register.filter
def public_document(document):
    """The document while it may be offered to the public, else None."""
    return visibility.public_document_or_none(document)
