"""Share / learn-more boxes get their own model (they were a kind of call to action)."""

import django.db.models.deletion
import django_countries.fields
import modelsearch.index
import wagtail.models.preview
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0004_call_to_action_drafts'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ShareBox',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                ('title', models.CharField(help_text='A short call, e.g. “Let LGBTI groups work”.', max_length=120, verbose_name='headline')),
                ('slug', models.SlugField(help_text='Its address on this site: /act/<slug>/. Keep it once the action has been shared.', max_length=80, unique=True)),
                ('summary', models.TextField(help_text='One or two sentences shown wherever the action is placed.', max_length=400)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('countries', django_countries.fields.CountryField(blank=True, help_text='The countries it concerns (country pages list only petitions and pledges).', max_length=746, multiple=True)),
                ('link_url', models.URLField(blank=True, help_text='…or an address on another site (https://…).')),
                ('link_text', models.CharField(blank=True, help_text="The button's words, e.g. “Read the report”.", max_length=60)),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('link_page', models.ForeignKey(blank=True, help_text='The page on this site the button leads to…', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
            ],
            options={
                'verbose_name': 'share box',
                'verbose_name_plural': 'share boxes',
                'ordering': ['-created_at', '-pk'],
            },
            bases=(wagtail.models.preview.PreviewableMixin, modelsearch.index.Indexed, models.Model),
        ),
    ]
