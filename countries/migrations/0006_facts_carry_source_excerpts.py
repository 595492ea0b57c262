"""Facts and timeline entries carry the source's exact words and the source's name; the date
a fact was checked is shown only when an editor set it.

Until now every fact got the day it was created as its "last checked" date, unasked (the
admin filled it in, so did the demo loader): the site said "checked 25 November 2026" of
checks nobody made. Forwards, a date is cleared when it is the day the country page was
saved (one of its revisions, or its first publication), which is what that default gave;
any other date was typed by someone and stays. The page's latest and live revisions are
cleared alike. Backwards, a fact without a date gets the day its page was last published
(the old field required one).
"""

from django.db import migrations, models
from django.utils import timezone


def day(moment):
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def save_days(apps, page):
    """The days the page was saved or first published: what the old default gave a fact."""
    Revision = apps.get_model("wagtailcore", "Revision")
    moments = Revision.objects.filter(
        content_type_id=page.content_type_id, object_id=str(page.pk)
    ).values_list("created_at", flat=True)
    moments = [*moments, page.first_published_at]
    return {day(moment).isoformat() for moment in moments if moment}


def revisions_of(apps, page):
    Revision = apps.get_model("wagtailcore", "Revision")
    ids = {page.latest_revision_id, page.live_revision_id} - {None}
    return Revision.objects.filter(pk__in=ids)


def clear_default_dates(apps, schema_editor):
    CountryPage = apps.get_model("countries", "CountryPage")
    CountryFact = apps.get_model("countries", "CountryFact")
    for page in CountryPage.objects.all():
        days = save_days(apps, page)
        for fact in CountryFact.objects.filter(country=page, last_checked__isnull=False):
            if fact.last_checked.isoformat() in days:
                CountryFact.objects.filter(pk=fact.pk).update(last_checked=None)
        for revision in revisions_of(apps, page):
            facts = revision.content.get("facts")
            if not isinstance(facts, list):
                continue
            changed = False
            for fact in facts:
                if isinstance(fact, dict) and fact.get("last_checked") in days:
                    fact["last_checked"] = None
                    changed = True
            if changed:
                revision.save(update_fields=["content"])


def date_undated_for_the_old_schema(apps, schema_editor):
    CountryFact = apps.get_model("countries", "CountryFact")
    for fact in CountryFact.objects.filter(last_checked__isnull=True).select_related("country"):
        published = fact.country.last_published_at or timezone.now()
        CountryFact.objects.filter(pk=fact.pk).update(last_checked=day(published))


class Migration(migrations.Migration):
    dependencies = [
        ("countries", "0005_testimony_country_tag"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="countryfact",
            name="source_excerpt",
            field=models.TextField(
                blank=True,
                help_text="The source's exact words this rests on, copied word for word (no quotation marks around them). Readers can open them beside the claim.",
                max_length=2000,
                verbose_name="source excerpt",
            ),
        ),
        migrations.AddField(
            model_name="countryfact",
            name="source_name",
            field=models.CharField(
                blank=True,
                help_text="The source as readers should see it named, e.g. “the press release launching the report”. Leave empty to name the page chosen as its source.",
                max_length=200,
                verbose_name="source name",
            ),
        ),
        migrations.AddField(
            model_name="timelineevent",
            name="source_excerpt",
            field=models.TextField(
                blank=True,
                help_text="The source's exact words this rests on, copied word for word (no quotation marks around them). Readers can open them beside the claim.",
                max_length=2000,
                verbose_name="source excerpt",
            ),
        ),
        migrations.AddField(
            model_name="timelineevent",
            name="source_name",
            field=models.CharField(
                blank=True,
                help_text="The source as readers should see it named, e.g. “the press release launching the report”. Leave empty to name the page chosen as its source.",
                max_length=200,
                verbose_name="source name",
            ),
        ),
        migrations.AlterField(
            model_name="countryfact",
            name="last_checked",
            field=models.DateField(
                blank=True,
                help_text="The day someone checked this against the source. Leave empty unless someone did: the page then gives no date.",
                null=True,
            ),
        ),
        migrations.AlterField(
            model_name="countryfact",
            name="status",
            field=models.CharField(
                choices=[
                    ("none", "None"),
                    ("proposed", "Attempted, not adopted so far"),
                    ("adopted", "Adopted"),
                    ("yes", "Yes"),
                    ("no", "No"),
                    ("registered", "A small number of NGOs are registered"),
                    ("informal", "Only activists and informal groups are active"),
                    ("banned", "Banned"),
                    ("attacked", "Attacked"),
                    ("held", "Held"),
                    ("inadequate", "Often fails to prevent and investigate effectively"),
                    ("adequate", "Prevents and investigates"),
                    ("limited", "Mixed / limited"),
                    ("regional", "Stated for the region as a whole"),
                    ("not_stated", "Not stated in the source"),
                ],
                help_text="No more than the source's words say: “Mixed / limited” when they qualify it (“a small number”, “limited”), “Stated for the region as a whole” when they are about all the countries together, “Not stated in the source” rather than guess.",
                max_length=20,
            ),
        ),
        migrations.RunPython(clear_default_dates, date_undated_for_the_old_schema),
    ]
