"""Move the "share / learn more" calls to action into the ShareBox model.

Each share-kind CallToAction becomes a ShareBox with the same headline, slug (so
/act/<slug>/ keeps answering), summary, countries, link, publication state, revisions
(drafts and history), audit log and reference-index rows. Every page body that placed it
(chapters, press releases, country pages, and their revisions) now places the box through
the StoryBlock's ``share_box`` slot, keeping the block's id. Then the old row goes.

Petitions and pledges are not touched: their rows, ids, counts, consent versions and
signatures stay as they are. A share row that somehow has signatures (the admin never
allowed one) is not moved, so no signature is lost: it stays a call to action, as a
petition closed to new signatures.

Whoever could add, change, publish... calls to action (a group or a user) gets the same
permission on share boxes, so the people who edited share boxes still do.

Reversible: going back turns each ShareBox into a share-kind CallToAction the same way.
The search index is rebuilt by ``manage.py update_index`` as after any deploy.
"""

import json

from django.conf import settings
from django.db import migrations
from django.db.models import F, JSONField
from django.db.models.functions import Cast, Coalesce, Now

BODIES = [
    ("reports", "ReportChapterPage"),
    ("reports", "PressReleasePage"),
    ("countries", "CountryPage"),
]

# The fields a share box has, all of which a call to action had too.
SHARED_FIELDS = [
    "title",
    "slug",
    "summary",
    "countries",
    "link_page_id",
    "link_url",
    "link_text",
    "created_at",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision_id",
    "go_live_at",
    "expire_at",
    "expired",
    "latest_revision_id",
    "locked",
    "locked_at",
    "locked_by_id",
]


def retype_stream(raw, moved, from_type, to_type):
    """The stream with each ``from_type`` block that chooses a moved row (old pk → new pk)
    turned into a ``to_type`` block choosing the new row; and whether anything changed."""
    changed = False
    retyped = []
    for block in raw or []:
        value = block.get("value")
        if block.get("type") == from_type and str(value).isdigit() and int(value) in moved:
            block = {**block, "type": to_type, "value": moved[int(value)]}
            changed = True
        retyped.append(block)
    return retyped, changed


def retype_bodies(apps, moved, from_type, to_type):
    """Point every body, and every page revision's body, at the moved rows."""
    if not moved:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model_name in BODIES:
        model = apps.get_model(app_label, model_name)
        rows = model.objects.annotate(raw=Cast(F("body"), JSONField())).values_list("pk", "raw")
        for pk, raw in rows.iterator():
            retyped, changed = retype_stream(raw, moved, from_type, to_type)
            if changed:
                model.objects.filter(pk=pk).update(body=retyped)
        content_type = ContentType.objects.filter(
            app_label=app_label, model=model_name.lower()
        ).first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type=content_type).iterator():
            body = revision.content.get("body")
            raw = json.loads(body) if isinstance(body, str) else body
            retyped, changed = retype_stream(raw, moved, from_type, to_type)
            if changed:
                revision.content["body"] = json.dumps(retyped)
                revision.save(update_fields=["content"])


def move_history(apps, moved, source, target, target_fields):
    """Revisions, audit log and reference-index rows follow each moved row."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    old_type, _ = ContentType.objects.get_or_create(app_label="actions", model=source)
    new_type, _ = ContentType.objects.get_or_create(app_label="actions", model=target)
    for old, new in moved.items():
        for revision in Revision.objects.filter(content_type=old_type, object_id=str(old)):
            content = {k: v for k, v in revision.content.items() if k in target_fields}
            content["pk"] = new
            Revision.objects.filter(pk=revision.pk).update(
                content_type=new_type,
                base_content_type=new_type,
                object_id=str(new),
                content=content,
            )
        ModelLogEntry.objects.filter(content_type=old_type, object_id=str(old)).update(
            content_type=new_type, object_id=str(new)
        )
        ReferenceIndex.objects.filter(content_type=old_type, object_id=str(old)).update(
            content_type=new_type, base_content_type=new_type, object_id=str(new)
        )
        for reference in ReferenceIndex.objects.filter(
            to_content_type=old_type, to_object_id=str(old)
        ):
            path = reference.model_path.split(".")
            path = [{source_block(source): source_block(target)}.get(p, p) for p in path]
            ReferenceIndex.objects.filter(pk=reference.pk).update(
                to_content_type=new_type, to_object_id=str(new), model_path=".".join(path)
            )


def source_block(model_name):
    """The StoryBlock slot that places rows of this model."""
    return {"calltoaction": "call_to_action", "sharebox": "share_box"}[model_name]


def field_names(model):
    return {f.name for f in model._meta.concrete_fields} | {
        f.attname for f in model._meta.concrete_fields
    }


PERMISSION_VERBS = ["add", "change", "delete", "lock", "publish", "unlock", "view"]


def grant_share_box_permissions(apps):
    """Each holder of a call-to-action permission gets the share-box one of the same verb."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    action_type, _ = ContentType.objects.get_or_create(app_label="actions", model="calltoaction")
    box_type, _ = ContentType.objects.get_or_create(app_label="actions", model="sharebox")
    for verb in PERMISSION_VERBS:
        old = Permission.objects.filter(
            content_type=action_type, codename=f"{verb}_calltoaction"
        ).first()
        if old is None:
            continue  # a new database: nobody holds it yet
        new, _ = Permission.objects.get_or_create(
            content_type=box_type,
            codename=f"{verb}_sharebox",
            defaults={"name": f"Can {verb} share box"},
        )
        for group in Group.objects.filter(permissions=old):
            group.permissions.add(new)
        for user in User.objects.filter(user_permissions=old):
            user.user_permissions.add(new)


def forwards(apps, schema_editor):
    CallToAction = apps.get_model("actions", "CallToAction")
    ShareBox = apps.get_model("actions", "ShareBox")
    shares = CallToAction.objects.filter(kind="share").order_by("pk")
    signed = shares.filter(signatures__isnull=False).distinct()
    # Never lose a signature: a signed share row stays a call to action, closed.
    CallToAction.objects.filter(pk__in=signed.values("pk")).update(
        kind="petition", closed_early_at=Coalesce(F("closed_early_at"), Now())
    )
    moved = {}
    for action in shares.exclude(pk__in=signed.values("pk")):
        values = {name: getattr(action, name) for name in SHARED_FIELDS}
        box = ShareBox.objects.create(**values)
        ShareBox.objects.filter(pk=box.pk).update(created_at=action.created_at)  # auto_now_add
        moved[action.pk] = box.pk
    move_history(apps, moved, "calltoaction", "sharebox", field_names(ShareBox))
    retype_bodies(apps, moved, "call_to_action", "share_box")
    CallToAction.objects.filter(pk__in=moved).delete()
    grant_share_box_permissions(apps)


def backwards(apps, schema_editor):
    CallToAction = apps.get_model("actions", "CallToAction")
    ShareBox = apps.get_model("actions", "ShareBox")
    moved = {}
    for box in ShareBox.objects.order_by("pk"):
        values = {name: getattr(box, name) for name in SHARED_FIELDS}
        action = CallToAction.objects.create(kind="share", **values)
        CallToAction.objects.filter(pk=action.pk).update(created_at=box.created_at)
        moved[box.pk] = action.pk
    move_history(apps, moved, "sharebox", "calltoaction", field_names(CallToAction))
    retype_bodies(apps, moved, "share_box", "call_to_action")
    ShareBox.objects.filter(pk__in=moved).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0005_share_boxes"),
        ("reports", "0006_story_share_box_slot"),
        ("countries", "0004_story_share_box_slot"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
