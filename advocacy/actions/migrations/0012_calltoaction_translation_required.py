"""Every calltoaction and sharebox row now has a locale and a translation key: both required, one
row per (translation key, locale). A slug is unique per language: a translation answers at its source's address under its own prefix."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0011_calltoaction_translatable"),
    ]

    operations = [
        migrations.AlterField(
            model_name="calltoaction",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="calltoaction",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="calltoaction",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterField(
            model_name="calltoaction",
            name="slug",
            field=models.SlugField(
                help_text="Its address on this site: /act/<slug>/. Keep it once the action has been shared.",
                max_length=80,
            ),
        ),
        migrations.AddConstraint(
            model_name="calltoaction",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="calltoaction_slug_per_locale"
            ),
        ),
        migrations.AlterField(
            model_name="sharebox",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="sharebox",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="sharebox",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterField(
            model_name="sharebox",
            name="slug",
            field=models.SlugField(
                help_text="Its address on this site: /act/<slug>/. Keep it once the action has been shared.",
                max_length=80,
            ),
        ),
        migrations.AddConstraint(
            model_name="sharebox",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="sharebox_slug_per_locale"
            ),
        ),
    ]
