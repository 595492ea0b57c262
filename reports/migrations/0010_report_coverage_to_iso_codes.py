"""Step 3 of 4 for a report's coverage: copy each covered country page's ISO code, in the
report's rows and in its revisions (so an older revision can still be compared, reverted or
published). Backwards, each code links to that country's page in the default language (or
in any language); a code with no page at all cannot be linked and its row is dropped.
"""

from django.conf import settings
from django.db import migrations


def report_revisions(apps):
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="reports", model="reportpage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type)


def forwards(apps, schema_editor):
    ReportCountry = apps.get_model("reports", "ReportCountry")
    CountryPage = apps.get_model("countries", "CountryPage")
    code_of = {pk: str(code) for pk, code in CountryPage.objects.values_list("pk", "iso_code")}
    for row in ReportCountry.objects.exclude(country=None):
        ReportCountry.objects.filter(pk=row.pk).update(country_code=code_of[row.country_id])
    for revision in report_revisions(apps).iterator():
        rows = revision.content.get("countries")
        if not isinstance(rows, list):
            continue
        revision.content["countries"] = [
            {**row, "country": code_of[row["country"]]}
            for row in rows
            if isinstance(row, dict) and row.get("country") in code_of
        ]
        revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    ReportCountry = apps.get_model("reports", "ReportCountry")
    CountryPage = apps.get_model("countries", "CountryPage")
    pages = CountryPage.objects.order_by("path").values_list("pk", "iso_code", "locale__language_code")
    page_for = {str(code): pk for pk, code, language in pages if language == settings.LANGUAGE_CODE}
    for pk, code, _language in pages:
        page_for.setdefault(str(code), pk)
    for row in ReportCountry.objects.all():
        if row.country_code in page_for:
            ReportCountry.objects.filter(pk=row.pk).update(country=page_for[row.country_code])
        else:
            row.delete()
    for revision in report_revisions(apps).iterator():
        rows = revision.content.get("countries")
        if not isinstance(rows, list):
            continue
        revision.content["countries"] = [
            {**row, "country": page_for[row["country"]]}
            for row in rows
            if isinstance(row, dict) and row.get("country") in page_for
        ]
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0009_reportcountry_page_link_optional"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
