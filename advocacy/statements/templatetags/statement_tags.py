from django import template
from django.templatetags.static import static
from django.utils.text import Truncator

from advocacy.core.listings import listing_url
from advocacy.core.models import SiteSettings
from advocacy.core.public_url import public_url
from advocacy.core.templatetags.meta_tags import json_ld_script, organisation, social_meta
from advocacy.core.visibility import is_published

register = template.Library()


@register.simple_tag
def statement_citation(statement, permalink):
    """The house citation of a statement, as plain text (escaped where it is shown)."""
    return statement.citation(permalink)


# The site's default sharing image, used while a statement's own card is not drawn yet.
DEFAULT_IMAGE = "img/og-default.png"


@register.inclusion_tag("components/meta.html", takes_context=True)
def statement_meta(context, statement, permalink):
    """Social and structured metadata for a statement's permalink page; its card is the
    image once drawn (``card_ready`` in the context), the site's default image until then."""
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    if statement.pk and is_published(statement) and context.get("card_ready"):
        image = listing_url("statement_card", pk=statement.pk, size="og")
        image_alt = statement.text
    else:
        image = static(DEFAULT_IMAGE)
        image_alt = site_settings.organisation_name
    card = public_url(image)
    publisher = organisation(request, site_settings)
    data = {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "text": statement.text,
        "inLanguage": statement.text_language or None,
        "url": permalink,
        "publisher": publisher,
        "spokenByCharacter": (
            {"@type": "Person", "name": statement.speaker.name, "jobTitle": statement.role_line}
            if statement.speaker_id
            else None
        ),
        "image": card,
        "spatialCoverage": [
            {
                "@type": "Country",
                "name": str(country.name),
                "identifier": country.code,
                "url": country.page.get_full_url(request) if country.page else None,
            }
            for country in statement.public_countries
        ]
        or None,
    }
    if statement.is_translation:  # the words as said, cited by their own permalink
        data["translationOfWork"] = {
            "@type": "Quotation",
            "inLanguage": statement.translated_from,
            "url": request.build_absolute_uri(statement.original_permalink),
        }
    if statement.date_said:  # with no date in the source, none is invented
        data["dateCreated"] = statement.date_said
    # The site's one Open Graph template; the publisher is inside the Quotation's data.
    return social_meta(
        title=statement.attribution,
        url=permalink,
        description=Truncator(statement.citation(permalink)).chars(300),
        og_description=f"“{Truncator(statement.text).chars(280)}”",
        site_name=site_settings.organisation_name,
        og_type="article",
        image_url=card,
        image_type="image/png",
        image_alt=image_alt,
        json_ld=json_ld_script(data),
    )
