"""The footer's "no analytics" sentence is now the template's own, translated for each
reader: a site whose footer text is still exactly the sentence the demo used to store gets
it cleared (it would show twice, and in English on the Russian pages)."""

from django.db import migrations

DEMO_SENTENCE = "This site collects no analytics and loads nothing from third parties."


def forwards(apps, schema_editor):
    apps.get_model("core", "SiteSettings").objects.filter(footer_text=DEMO_SENTENCE).update(
        footer_text=""
    )


def backwards(apps, schema_editor):
    apps.get_model("core", "SiteSettings").objects.filter(footer_text="").update(
        footer_text=DEMO_SENTENCE
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0008_translatable_labels")]

    operations = [migrations.RunPython(forwards, backwards)]
