import django_countries.fields
from django.db import migrations


class Migration(migrations.Migration):
    """Step 3 of 3: drop the links to country pages; the codes take the field's name."""

    dependencies = [
        ("statements", "0004_statement_countries_to_iso_codes"),
    ]

    operations = [
        migrations.RemoveField(model_name="statement", name="countries"),
        migrations.RenameField(
            model_name="statement", old_name="countries_iso", new_name="countries"
        ),
        migrations.AlterField(
            model_name="statement",
            name="countries",
            field=django_countries.fields.CountryField(
                blank=True,
                help_text=(
                    "The countries it concerns: their country pages show it, and journalists"
                    " filter by them."
                ),
                max_length=746,
                multiple=True,
            ),
        ),
    ]
