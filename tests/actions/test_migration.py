"""The data migration that turns old typed-in call-to-action boxes into share actions."""

import importlib
import json

import pytest

from django.apps import apps
from django.db.models import F, JSONField
from django.db.models.functions import Cast

from advocacy.actions.models import CallToAction
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportChapterPage

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "advocacy.actions.migrations.0002_story_call_to_action_boxes_to_snippets"
)

OLD_BOX = {
    "headline": "Stand with LGBTI defenders",
    "text": "Call on the authorities to let LGBTI groups work in safety.",
    "page": None,
    "url": "https://example.org/act",
    "button_text": "Take action",
}


def raw_body(page):
    return (
        ReportChapterPage.objects.annotate(raw=Cast(F("body"), JSONField()))
        .values_list("raw", flat=True)
        .get(pk=page.pk)
    )


def test_upgrade_stream_replaces_only_old_boxes():
    raw = [
        {"type": "paragraph", "value": "<p>x</p>", "id": "a"},
        {"type": "call_to_action", "value": OLD_BOX, "id": "b"},
        {"type": "call_to_action", "value": 7, "id": "c"},
    ]

    upgraded, changed = migration.upgrade_stream(raw, lambda box: 42)

    assert changed
    assert [block["value"] for block in upgraded] == ["<p>x</p>", 42, 7]
    assert [block["id"] for block in upgraded] == ["a", "b", "c"]
    assert migration.upgrade_stream(upgraded, lambda box: 0) == (upgraded, False)


def test_old_boxes_in_bodies_and_revisions_become_share_actions(home):
    report = ReportPageFactory(parent=home, slug="less-equal")
    chapter = ReportChapterPageFactory(parent=report, body=[("paragraph", "<p>Text.</p>")])
    old_body = [
        {"type": "paragraph", "value": "<p>Text.</p>", "id": "p1"},
        {"type": "call_to_action", "value": OLD_BOX, "id": "c1"},
        {"type": "call_to_action", "value": {**OLD_BOX, "page": report.pk, "url": ""}, "id": "c2"},
        {"type": "call_to_action", "value": OLD_BOX, "id": "c3"},
    ]
    ReportChapterPage.objects.filter(pk=chapter.pk).update(body=old_body)
    revision = chapter.save_revision()
    revision.content["body"] = json.dumps(old_body)
    revision.save()

    migration.forwards(apps, None)

    actions = list(CallToAction.objects.order_by("pk"))
    assert len(actions) == 2  # the same box twice becomes one action
    first, second = actions
    assert (first.kind, first.title, first.link_url, first.link_text) == (
        "share",
        "Stand with LGBTI defenders",
        "https://example.org/act",
        "Take action",
    )
    assert first.summary == OLD_BOX["text"]
    assert second.link_page_id == report.pk and second.slug == "stand-with-lgbti-defenders-2"
    assert [b["value"] for b in raw_body(chapter)] == [
        "<p>Text.</p>",
        first.pk,
        second.pk,
        first.pk,
    ]
    revision.refresh_from_db()
    assert [b["value"] for b in json.loads(revision.content["body"])][1:] == [
        first.pk,
        second.pk,
        first.pk,
    ]
    chapter = ReportChapterPage.objects.get(pk=chapter.pk)
    assert chapter.body[1].value == first
