"""A statement's language may be "not stated in the source" (now the default), and an
anonymous source's entry may give the source's own reason for withholding the name.

Until now every statement was English unless changed: the default filled it in, so the
anonymous testimonies quoted in an English release read "Language: English", which the
release never says. Forwards, an anonymous source's statement still marked English becomes
"not stated" (in its latest and live revisions too), since nothing distinguishes the
default from a choice; a named speaker's stays as it is. Backwards, "not stated" becomes
English again (the old field required a language).
"""

from django.db import migrations, models


def revisions_of(apps, statement):
    Revision = apps.get_model("wagtailcore", "Revision")
    ids = {statement.latest_revision_id, statement.live_revision_id} - {None}
    return Revision.objects.filter(pk__in=ids)


def set_language(apps, statements, old, new):
    Statement = apps.get_model("statements", "Statement")
    for statement in statements:
        Statement.objects.filter(pk=statement.pk).update(language=new)
        for revision in revisions_of(apps, statement):
            if revision.content.get("language", old) == old:
                revision.content["language"] = new
                revision.save(update_fields=["content"])


def anonymous_not_stated(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    anonymous = Statement.objects.filter(speaker__isnull=True, language="en")
    set_language(apps, list(anonymous), "en", "")


def not_stated_to_english(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    set_language(apps, list(Statement.objects.filter(language="")), "", "en")


class Migration(migrations.Migration):

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ('statements', '0009_workflow_and_locking'),
    ]

    operations = [
        migrations.AddField(
            model_name='statement',
            name='anonymity_reason',
            field=models.CharField(blank=True, help_text='Only when the source gives a reason, in its words, e.g. “at their request”. Left empty, the site says “name withheld” and gives no reason.', max_length=200, verbose_name='why the name is withheld'),
        ),
        migrations.AlterField(
            model_name='statement',
            name='language',
            field=models.CharField(blank=True, choices=[('', 'Not stated in the source'), ('en', 'English'), ('ru', 'Russian'), ('hy', 'Armenian'), ('be', 'Belarusian'), ('kk', 'Kazakh'), ('ky', 'Kyrgyz'), ('af', 'Afrikaans'), ('sq', 'Albanian'), ('ar-dz', 'Algerian Arabic'), ('ar', 'Arabic'), ('es-ar', 'Argentinian Spanish'), ('ast', 'Asturian'), ('en-au', 'Australian English'), ('az', 'Azerbaijani'), ('eu', 'Basque'), ('bn', 'Bengali'), ('bs', 'Bosnian'), ('pt-br', 'Brazilian Portuguese'), ('br', 'Breton'), ('en-gb', 'British English'), ('bg', 'Bulgarian'), ('my', 'Burmese'), ('ca', 'Catalan'), ('ckb', 'Central Kurdish (Sorani)'), ('es-co', 'Colombian Spanish'), ('hr', 'Croatian'), ('cs', 'Czech'), ('da', 'Danish'), ('nl', 'Dutch'), ('eo', 'Esperanto'), ('et', 'Estonian'), ('fi', 'Finnish'), ('fr', 'French'), ('fy', 'Frisian'), ('gl', 'Galician'), ('ka', 'Georgian'), ('de', 'German'), ('el', 'Greek'), ('ht', 'Haitian Creole'), ('he', 'Hebrew'), ('hi', 'Hindi'), ('hu', 'Hungarian'), ('is', 'Icelandic'), ('io', 'Ido'), ('ig', 'Igbo'), ('id', 'Indonesian'), ('ia', 'Interlingua'), ('ga', 'Irish'), ('it', 'Italian'), ('ja', 'Japanese'), ('kab', 'Kabyle'), ('kn', 'Kannada'), ('km', 'Khmer'), ('ko', 'Korean'), ('lv', 'Latvian'), ('lt', 'Lithuanian'), ('dsb', 'Lower Sorbian'), ('lb', 'Luxembourgish'), ('mk', 'Macedonian'), ('ms', 'Malay'), ('ml', 'Malayalam'), ('mr', 'Marathi'), ('es-mx', 'Mexican Spanish'), ('mn', 'Mongolian'), ('ne', 'Nepali'), ('es-ni', 'Nicaraguan Spanish'), ('nb', 'Norwegian Bokmål'), ('nn', 'Norwegian Nynorsk'), ('os', 'Ossetic'), ('fa', 'Persian'), ('pl', 'Polish'), ('pt', 'Portuguese'), ('pa', 'Punjabi'), ('ro', 'Romanian'), ('gd', 'Scottish Gaelic'), ('sr', 'Serbian'), ('sr-latn', 'Serbian Latin'), ('zh-hans', 'Simplified Chinese'), ('sk', 'Slovak'), ('sl', 'Slovenian'), ('es', 'Spanish'), ('sw', 'Swahili'), ('sv', 'Swedish'), ('tg', 'Tajik'), ('ta', 'Tamil'), ('tt', 'Tatar'), ('te', 'Telugu'), ('th', 'Thai'), ('zh-hant', 'Traditional Chinese'), ('tr', 'Turkish'), ('tk', 'Turkmen'), ('udm', 'Udmurt'), ('uk', 'Ukrainian'), ('hsb', 'Upper Sorbian'), ('ur', 'Urdu'), ('ug', 'Uyghur'), ('uz', 'Uzbek'), ('es-ve', 'Venezuelan Spanish'), ('vi', 'Vietnamese'), ('cy', 'Welsh')], default='', help_text='The language the words were said in, when the source says so or you know it; otherwise “Not stated in the source” (quoted words may be a translation).', max_length=10),
        ),
        migrations.RunPython(anonymous_not_stated, not_stated_to_english),
    ]
