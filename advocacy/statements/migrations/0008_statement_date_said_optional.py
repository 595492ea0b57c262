"""A statement's date may be left empty when the source gives none (“date not given in the
source”); undated statements sort after dated ones.

Going back to 0005, whose date is required, gives each undated statement the day it was
first published here (what the old schema showed for them), or today when it never was."""

import django.utils.timezone
from django.db import migrations, models


def date_undated_for_the_old_schema(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    for statement in Statement.objects.filter(date_said__isnull=True):
        published = statement.first_published_at or django.utils.timezone.now()
        statement.date_said = django.utils.timezone.localdate(published)
        statement.save(update_fields=["date_said"])


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0007_quote_desk_page"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="statement",
            options={
                "ordering": [
                    models.OrderBy(models.F("date_said"), descending=True, nulls_last=True),
                    "-pk",
                ]
            },
        ),
        migrations.AlterField(
            model_name="statement",
            name="date_said",
            field=models.DateField(
                blank=True,
                help_text=(
                    "When the words were said or first published. Leave empty when the source"
                    " gives no date: the site then says “date not given in the source”."
                ),
                null=True,
            ),
        ),
        # Runs first when migrating back: the required date of 0005 needs a value.
        migrations.RunPython(migrations.RunPython.noop, date_undated_for_the_old_schema),
    ]
