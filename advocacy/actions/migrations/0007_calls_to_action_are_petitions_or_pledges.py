"""Calls to action are petitions or pledges only: the share kind and its link fields go
(its rows became share boxes in 0006)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0006_share_calls_to_action_become_share_boxes"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='calltoaction',
            name='link_page',
        ),
        migrations.RemoveField(
            model_name='calltoaction',
            name='link_text',
        ),
        migrations.RemoveField(
            model_name='calltoaction',
            name='link_url',
        ),
        migrations.AlterField(
            model_name='calltoaction',
            name='kind',
            field=models.CharField(choices=[('petition', 'Petition'), ('pledge', 'Pledge (signed on behalf of an organisation)')], default='petition', help_text='Petitions are signed by people, pledges by organisations.', max_length=10),
        ),
    ]
