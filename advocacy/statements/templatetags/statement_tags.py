from django import template
from django.urls import reverse

from advocacy.core.models import SiteSettings
from advocacy.core.templatetags.meta_tags import json_ld_script, organisation
from advocacy.core.visibility import is_published

register = template.Library()


@register.simple_tag
def statement_citation(statement, permalink):
    """The house citation of a statement, as plain text (escaped where it is shown)."""
    return statement.citation(permalink)


@register.inclusion_tag("components/statement_meta.html", takes_context=True)
def statement_meta(context, statement, permalink):
    """Social and structured metadata for a statement's permalink page; the card is the image."""
    request = context["request"]
    card = (
        request.build_absolute_uri(
            reverse("statement_card", kwargs={"pk": statement.pk, "size": "og"})
        )
        if is_published(statement)
        else None
    )
    publisher = organisation(request, SiteSettings.for_request(request))
    data = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "text": statement.text,
        "inLanguage": statement.language,
        "dateCreated": statement.date_said,
        "url": permalink,
        "publisher": publisher,
        "spokenByCharacter": (
            {"@type": "Person", "name": statement.speaker.name, "jobTitle": statement.role_line}
            if statement.speaker_id
            else None
        ),
        "image": card,
    }
    return {
        "statement": statement,
        "permalink": permalink,
        "card": card,
        "description": statement.citation(permalink),
        "json_ld": json_ld_script(data),
    }
