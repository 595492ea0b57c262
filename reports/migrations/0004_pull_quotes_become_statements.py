"""Turn every pull quote typed into a body (words + attribution) into a Statement.

Before, a pull quote block stored its own text and attribution. Now it chooses a Statement
from the quote desk, so that one statement edited in the admin changes everywhere it is
quoted. This migration creates one Statement per distinct (words, attribution) pair and
points the blocks, in the pages and in their revisions, at it.
"""

import json

from django.db import migrations
from django.utils import timezone
from django.utils.text import slugify

BODY_MODELS = [("reports", "reportchapterpage"), ("reports", "pressreleasepage"), ("countries", "countrypage")]


def convert_stream(raw, make_statement):
    changed = False
    for block in raw:
        if block.get("type") == "pull_quote" and isinstance(block.get("value"), dict):
            block["value"] = make_statement(block["value"])
            changed = True
    return changed


def forwards(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    Person = apps.get_model("people", "Person")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    made = {}

    def make_statement(value, when=None):
        text = (value.get("text") or "").strip()
        attribution = (value.get("attribution") or "").strip()
        key = (text, attribution)
        if key not in made:
            name, _, role_line = attribution.partition(",")
            role, _, organisation = role_line.strip().partition(" at ")
            person, _ = Person.objects.get_or_create(
                name=name.strip() or "Unknown",
                defaults={"role": role.strip(), "organisation": organisation.strip()},
            )
            statement = Statement.objects.create(
                text=text or "…",
                speaker=person,
                speaker_role=role.strip(),
                speaker_organisation=organisation.strip(),
                date_said=(when or timezone.now()).date(),
                live=True,
                slug=slugify(" ".join(text.split()[:8]), allow_unicode=True)[:80] or "statement",
            )
            made[key] = statement.pk
        return made[key]

    for app_label, model_name in BODY_MODELS:
        try:
            Model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        for page in Model.objects.all():
            raw = list(page.body.raw_data)
            if convert_stream(raw, lambda v, p=page: make_statement(v, p.first_published_at)):
                Model.objects.filter(pk=page.pk).update(body=json.dumps(raw))
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type=content_type).iterator():
            body = revision.content.get("body")
            raw = json.loads(body) if isinstance(body, str) else body
            if isinstance(raw, list) and convert_stream(raw, make_statement):
                revision.content["body"] = json.dumps(raw)
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_pull_quote_chooses_a_statement"),
        ("countries", "0002_body_pull_quote_chooses_a_statement"),
        ("statements", "0001_initial"),
        ("people", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
