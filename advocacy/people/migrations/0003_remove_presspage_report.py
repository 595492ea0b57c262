"""The press page no longer chooses a report: the reports app offers every public report and
its PDF to the press kit through the ``register_press_kit_entries`` hook, so people (a lower
layer) does not point at reports. Nothing is lost: the kit shows the same report and PDF."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0002_press_page'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='presspage',
            name='report',
        ),
    ]
