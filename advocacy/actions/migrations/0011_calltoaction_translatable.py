"""Calltoaction and sharebox become translatable (wagtail-localize): every existing row gets a
locale and its own translation key. Rows of their own are in the site's default language
(they were written in English); a page's parts are in that page's language. Nullable here,
required in the next migration (data and schema changes in separate transactions)."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def backfill(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    default, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for row in apps.get_model("actions", "calltoaction").objects.filter(locale=None):
        row.locale_id = default.pk
        row.translation_key = uuid.uuid4()
        row.save(update_fields=["locale", "translation_key"])
    for row in apps.get_model("actions", "sharebox").objects.filter(locale=None):
        row.locale_id = default.pk
        row.translation_key = uuid.uuid4()
        row.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0010_goal_is_the_campaigns_own_target"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="calltoaction",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="calltoaction",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="sharebox",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="sharebox",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
