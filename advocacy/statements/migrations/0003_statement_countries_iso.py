import django_countries.fields
from django.db import migrations


class Migration(migrations.Migration):
    """Step 1 of 3: a statement's countries become ISO codes; the new column first."""

    dependencies = [
        ("statements", "0002_remove_public_quote_cards"),
    ]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="countries_iso",
            field=django_countries.fields.CountryField(blank=True, max_length=746, multiple=True),
        ),
    ]
