"""Turn the StoryBlock's old typed-in call-to-action boxes into "share / learn more" actions.

Before, a body's call to action was a box typed into the page (headline, text, a page or a
URL, button text). Now the block chooses a CallToAction. Each distinct old box becomes one
CallToAction of the kind "share / learn more" with the same words and link, and the block
points at it. Page bodies and their revisions (drafts and history) are converted alike.
"""

import json

from django.db import migrations
from django.db.models import F, JSONField
from django.db.models.functions import Cast
from django.utils.text import slugify

BODIES = [
    ("reports", "ReportChapterPage"),
    ("reports", "PressReleasePage"),
    ("countries", "CountryPage"),
]


def upgrade_stream(raw, to_pk):
    """The stream with each old box (a dict value) replaced by ``to_pk(box)``; and whether
    anything changed."""
    changed = False
    upgraded = []
    for block in raw or []:
        if block.get("type") == "call_to_action" and isinstance(block.get("value"), dict):
            block = {**block, "value": to_pk(block["value"])}
            changed = True
        upgraded.append(block)
    return upgraded, changed


def box_converter(apps):
    CallToAction = apps.get_model("actions", "CallToAction")
    Page = apps.get_model("wagtailcore", "Page")
    made = {}

    def to_pk(box):
        page_id = box.get("page") if isinstance(box.get("page"), int) else None
        if page_id and not Page.objects.filter(pk=page_id).exists():
            page_id = None
        headline = (box.get("headline") or "Take action").strip()[:120]
        key = (headline, box.get("text") or "", page_id, box.get("url") or "")
        if key not in made:
            base = slugify(headline)[:70].strip("-") or "call-to-action"
            slug, n = base, 2
            while CallToAction.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            made[key] = CallToAction.objects.create(
                kind="share",
                title=headline,
                slug=slug,
                summary=(box.get("text") or headline)[:400],
                link_page_id=page_id,
                link_url=(box.get("url") or "")[:200],
                link_text=(box.get("button_text") or "")[:60],
            ).pk
        return made[key]

    return to_pk


def forwards(apps, schema_editor):
    to_pk = box_converter(apps)
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model_name in BODIES:
        model = apps.get_model(app_label, model_name)
        rows = model.objects.annotate(raw=Cast(F("body"), JSONField())).values_list("pk", "raw")
        for pk, raw in rows.iterator():
            upgraded, changed = upgrade_stream(raw, to_pk)
            if changed:
                model.objects.filter(pk=pk).update(body=upgraded)
        content_type = ContentType.objects.filter(
            app_label=app_label, model=model_name.lower()
        ).first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type=content_type).iterator():
            body = revision.content.get("body")
            raw = json.loads(body) if isinstance(body, str) else body
            upgraded, changed = upgrade_stream(raw, to_pk)
            if changed:
                revision.content["body"] = json.dumps(upgraded)
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0001_calls_to_action_and_signatures"),
        ("reports", "0005_story_call_to_action_chooser"),
        ("countries", "0003_story_call_to_action_chooser"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
