import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Step 2 of 4 for a report's coverage: the link to a page may be empty (so that the
    step back can re-add it before filling it)."""

    dependencies = [
        ("reports", "0008_tag_chapters_and_testimonies_from_text"),
        ("countries", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="reportcountry",
            name="country",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="covered_by",
                to="countries.countrypage",
            ),
        ),
    ]
