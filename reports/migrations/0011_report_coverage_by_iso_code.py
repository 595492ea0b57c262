import django_countries.fields
from django.db import migrations


class Migration(migrations.Migration):
    """Step 4 of 4 for a report's coverage: drop the link to a page; the code takes the
    field's name."""

    dependencies = [
        ("reports", "0010_report_coverage_to_iso_codes"),
    ]

    operations = [
        migrations.RemoveField(model_name="reportcountry", name="country"),
        migrations.RenameField(
            model_name="reportcountry", old_name="country_code", new_name="country"
        ),
        migrations.AlterField(
            model_name="reportcountry",
            name="country",
            field=django_countries.fields.CountryField(
                help_text=(
                    "The country (ISO 3166-1). The report links to its country page in the"
                    " report's language once that page is published."
                ),
                max_length=2,
            ),
        ),
    ]
