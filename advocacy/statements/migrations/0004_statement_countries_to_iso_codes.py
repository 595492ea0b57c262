"""Step 2 of 3: copy each statement's country pages to their ISO codes, in the statement
and in its revisions (so an older revision can still be compared, reverted or published).

Pages of several languages for one country become one code. Backwards, each code links to
that country's pages in the default language (or, where there is none, in every language).
"""

from django.conf import settings
from django.db import migrations


def revisions(apps, model_name):
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="statements", model=model_name).first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(base_content_type=content_type)


def joined(codes):
    """How CountryField(multiple=True) stores and serialises codes: "AM,BY", sorted."""
    return ",".join(sorted(set(codes)))


def codes_of(value):
    """A CountryField(multiple=True) value as codes: "AM,BY" in revisions, a list of
    Country objects when read from the column."""
    if isinstance(value, str):
        return [code for code in value.split(",") if code]
    return [str(getattr(code, "code", code)) for code in value or []]


def forwards(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    CountryPage = apps.get_model("countries", "CountryPage")
    code_of = {pk: str(code) for pk, code in CountryPage.objects.values_list("pk", "iso_code")}
    links = Statement._meta.get_field("countries").remote_field.through.objects.values_list("statement_id", "countrypage_id")
    codes = {}
    for statement_id, page_id in links:
        codes.setdefault(statement_id, []).append(code_of[page_id])
    for statement_id, found in codes.items():
        Statement.objects.filter(pk=statement_id).update(countries_iso=joined(found))
    for revision in revisions(apps, "statement").iterator():
        pages = revision.content.get("countries")
        if isinstance(pages, list):
            revision.content["countries"] = joined(
                code_of[pk] for pk in pages if pk in code_of
            )
            revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    CountryPage = apps.get_model("countries", "CountryPage")
    pages_of = {}
    default_first = CountryPage.objects.order_by("path").values_list(
        "pk", "iso_code", "locale__language_code"
    )
    for pk, code, language in default_first:
        pages_of.setdefault(str(code), {}).setdefault(language, []).append(pk)

    def pages_for(codes):
        found = []
        for code in codes_of(codes):
            languages = pages_of.get(code, {})
            found += languages.get(settings.LANGUAGE_CODE) or sum(languages.values(), [])
        return found

    Through = Statement._meta.get_field("countries").remote_field.through
    for statement in Statement.objects.exclude(countries_iso=""):
        Through.objects.bulk_create(
            Through(statement_id=statement.pk, countrypage_id=pk)
            for pk in pages_for(statement.countries_iso)
        )
    for revision in revisions(apps, "statement").iterator():
        codes = revision.content.get("countries")
        if isinstance(codes, str):
            revision.content["countries"] = pages_for(codes)
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0003_statement_countries_iso"),
        ("countries", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
