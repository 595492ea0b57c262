"""The data migrations of calls to action, run on a real database: migrate back, create rows
as they were then, migrate forward, check what a reader, a signer and an editor would see.

* 0002 turned the old typed-in body boxes into share-kind calls to action;
* 0006 moves share-kind calls to action into the ShareBox model, leaving every petition,
  pledge, count and signature as it was.
"""

import importlib
import json

import pytest

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F, JSONField
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import Page, Revision

from advocacy.actions.factories import CallsToActionIndexPageFactory
from advocacy.actions.models import CallToAction, ShareBox, Signature
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportChapterPage
from tests.html import links, text

pytestmark = pytest.mark.django_db(transaction=True)

BOXES_TO_ACTIONS = [
    ("actions", "0001_calls_to_action_and_signatures"),
    ("reports", "0005_story_call_to_action_chooser"),
    ("countries", "0003_story_call_to_action_chooser"),
]
BEFORE_SHARE_BOXES = [
    ("actions", "0005_share_boxes"),
    ("reports", "0006_story_share_box_slot"),
    ("countries", "0004_story_share_box_slot"),
]

boxes_to_actions = importlib.import_module(
    "advocacy.actions.migrations.0002_story_call_to_action_boxes_to_snippets"
)
share_boxes = importlib.import_module(
    "advocacy.actions.migrations.0006_share_calls_to_action_become_share_boxes"
)


@pytest.fixture
def index_page():
    """No /act/ page while the tables move back and forth: the test makes one at the end."""


@pytest.fixture
def migrate():
    """Move the database to the given migrations; returns the models as they were there.
    Whatever the test does, the database ends on the latest migrations."""

    def to(targets):
        executor = MigrationExecutor(connection)
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield to
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def latest(migrate):
    executor = MigrationExecutor(connection)
    return migrate(executor.loader.graph.leaf_nodes())


def raw_body(page):
    return (
        ReportChapterPage.objects.annotate(raw=Cast(F("body"), JSONField()))
        .values_list("raw", flat=True)
        .get(pk=page.pk)
    )


def set_body(page, raw):
    """Write a body (and a revision holding it) the way an older version stored it.

    Raw SQL-level writes only: the database is at an older migration, where today's models
    (a chapter's country tags, say) have columns that do not exist yet."""
    ReportChapterPage.objects.filter(pk=page.pk).update(body=raw)
    revision = Revision.objects.create(
        content_type=ContentType.objects.get_for_model(ReportChapterPage),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        object_str=page.title,
        content={"pk": page.pk, "title": page.title, "body": json.dumps(raw)},
    )
    Page.objects.filter(pk=page.pk).update(latest_revision=revision)
    return revision


# ---------------------------------------------------------------- 0002: old boxes

OLD_BOX = {
    "headline": "Stand with LGBTI defenders",
    "text": "Call on the authorities to let LGBTI groups work in safety.",
    "page": None,
    "url": "https://example.org/act",
    "button_text": "Take action",
}


def test_upgrade_stream_replaces_only_old_boxes():
    raw = [
        {"type": "paragraph", "value": "<p>x</p>", "id": "a"},
        {"type": "call_to_action", "value": OLD_BOX, "id": "b"},
        {"type": "call_to_action", "value": 7, "id": "c"},
    ]

    upgraded, changed = boxes_to_actions.upgrade_stream(raw, lambda box: 42)

    assert changed
    assert [block["value"] for block in upgraded] == ["<p>x</p>", 42, 7]
    assert [block["id"] for block in upgraded] == ["a", "b", "c"]
    assert boxes_to_actions.upgrade_stream(upgraded, lambda box: 0) == (upgraded, False)


def test_old_boxes_in_bodies_and_revisions_become_share_actions(home, migrate):
    report = ReportPageFactory(parent=home, slug="less-equal")
    chapter = ReportChapterPageFactory(parent=report, body=[("paragraph", "<p>Text.</p>")])
    migrate(BOXES_TO_ACTIONS)
    revision = set_body(
        chapter,
        [
            {"type": "paragraph", "value": "<p>Text.</p>", "id": "p1"},
            {"type": "call_to_action", "value": OLD_BOX, "id": "c1"},
            {
                "type": "call_to_action",
                "value": {**OLD_BOX, "page": report.pk, "url": ""},
                "id": "c2",
            },
            {"type": "call_to_action", "value": OLD_BOX, "id": "c3"},
        ],
    )

    old = migrate([("actions", "0002_story_call_to_action_boxes_to_snippets")])

    actions = list(old.get_model("actions", "CallToAction").objects.order_by("pk"))
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


# ---------------------------------------------------------------- 0006: share boxes


def test_retype_stream_moves_only_the_moved_rows():
    raw = [
        {"type": "paragraph", "value": "<p>x</p>", "id": "a"},
        {"type": "call_to_action", "value": 3, "id": "b"},
        {"type": "call_to_action", "value": 4, "id": "c"},
        {"type": "pull_quote", "value": 3, "id": "d"},
    ]

    retyped, changed = share_boxes.retype_stream(raw, {3: 30}, "call_to_action", "share_box")

    assert changed
    assert [(b["type"], b["value"], b["id"]) for b in retyped] == [
        ("paragraph", "<p>x</p>", "a"),
        ("share_box", 30, "b"),
        ("call_to_action", 4, "c"),
        ("pull_quote", 3, "d"),
    ]
    assert share_boxes.retype_stream(retyped, {3: 30}, "call_to_action", "share_box")[1] is False


def make_action(CallToAction, ConsentVersion, **fields):
    action = CallToAction.objects.create(
        summary="Sign it.",
        target="The authorities",
        demand="Let LGBTI groups work in safety.",
        goal=1000,
        thank_you="Thank you.",
        consent_text="I agree.",
        live=True,
        **fields,
    )
    consent = ConsentVersion.objects.create(call_to_action=action, version=1, text="I agree.")
    return action, consent


def add_signatures(Signature, CallToAction, action, consent, number, confirmed, **fields):
    """``number`` signatures, the first ``confirmed`` of them confirmed and counted."""
    now = timezone.now()
    Signature.objects.bulk_create(
        Signature(
            call_to_action=action,
            consent=consent,
            name=f"Signer {n}",
            email=f"{action.slug}-{n}@example.org",
            country="BY",
            confirmed_at=now if n < confirmed else None,
            token_hash=None if n < confirmed else f"{action.pk:08d}{n:056d}",
            **fields,
        )
        for n in range(number)
    )
    CallToAction.objects.filter(pk=action.pk).update(
        confirmed_count=F("confirmed_count") + confirmed
    )


SIGNATURE_FIELDS = [
    "pk",
    "call_to_action_id",
    "name",
    "email",
    "country",
    "organisation",
    "show_publicly",
    "consent_id",
    "created_at",
    "confirmed_at",
    "token_hash",
]


def test_share_rows_become_share_boxes_and_1000_signatures_stay(client, home, migrate):
    report = ReportPageFactory(parent=home, slug="less-equal")
    chapter = ReportChapterPageFactory(parent=report, body=[("paragraph", "<p>Text.</p>")])
    old = migrate(BEFORE_SHARE_BOXES)
    OldAction = old.get_model("actions", "CallToAction")
    OldConsent = old.get_model("actions", "ConsentVersion")
    OldSignature = old.get_model("actions", "Signature")

    petition, petition_consent = make_action(
        OldAction, OldConsent, kind="petition", title="Let them work", slug="let-them-work"
    )
    pledge, pledge_consent = make_action(
        OldAction, OldConsent, kind="pledge", title="Work alongside", slug="work-alongside"
    )
    add_signatures(OldSignature, OldAction, petition, petition_consent, 600, confirmed=420)
    add_signatures(
        OldSignature, OldAction, pledge, pledge_consent, 398, confirmed=250, organisation="NGO"
    )
    # A share row somebody signed anyway (through the shell): its signatures must survive.
    odd, odd_consent = make_action(
        OldAction, OldConsent, kind="share", title="Odd", slug="odd", link_url="https://x.org/"
    )
    add_signatures(OldSignature, OldAction, odd, odd_consent, 2, confirmed=1)
    placed = OldAction.objects.create(
        kind="share",
        title="Read the report",
        slug="read-the-report",
        summary="What defenders told us.",
        countries="AM,BY",
        link_page_id=report.pk,
        link_text="Read it",
        live=True,
    )
    OldAction.objects.create(
        kind="share",
        title="Share the findings",
        slug="share-the-findings",
        summary="Tell your friends.",
        link_url="https://example.org/",
        live=False,
    )
    action_type = ContentType.objects.get(app_label="actions", model="calltoaction")
    placed_revision = Revision.objects.create(
        content_type=action_type,
        base_content_type=action_type,
        object_id=str(placed.pk),
        object_str=placed.title,
        content={"pk": placed.pk, "title": placed.title, "kind": "share", "goal": None},
    )
    OldAction.objects.filter(pk=placed.pk).update(
        latest_revision_id=placed_revision.pk, live_revision_id=placed_revision.pk
    )
    page_revision = set_body(
        chapter,
        [
            {"type": "paragraph", "value": "<p>Text.</p>", "id": "p1"},
            {"type": "call_to_action", "value": placed.pk, "id": "c1"},
            {"type": "call_to_action", "value": petition.pk, "id": "c2"},
        ],
    )
    editors = Group.objects.create(name="Campaign editors")
    editors.permissions.set(
        Permission.objects.filter(codename__in=["change_calltoaction", "publish_calltoaction"])
    )
    signatures_before = list(OldSignature.objects.order_by("pk").values_list(*SIGNATURE_FIELDS))
    counts_before = dict(OldAction.objects.values_list("pk", "confirmed_count"))
    assert len(signatures_before) == 1000

    latest(migrate)

    # Every signature, field for field; every count, equal to the confirmed rows.
    assert list(Signature.objects.order_by("pk").values_list(*SIGNATURE_FIELDS)) == (
        signatures_before
    )
    for action in CallToAction.objects.all():
        assert action.confirmed_count == counts_before[action.pk]
        assert action.confirmed_count == action.signatures.confirmed().count()
    assert {a.pk: a.kind for a in CallToAction.objects.all()} == {
        petition.pk: "petition",
        pledge.pk: "pledge",
        odd.pk: "petition",
    }
    assert CallToAction.objects.get(pk=odd.pk).status == "closed"
    assert CallToAction.objects.get(pk=petition.pk).confirmed_count == 420
    assert CallToAction.objects.get(pk=pledge.pk).confirmed_count == 250

    # The share rows are share boxes now, at the same addresses.
    box = ShareBox.objects.get(slug="read-the-report")
    assert (box.title, box.summary, box.link_page_id, box.link_text, box.live) == (
        "Read the report",
        "What defenders told us.",
        report.pk,
        "Read it",
        True,
    )
    assert [str(c) for c in box.countries] == ["AM", "BY"]
    assert ShareBox.objects.get(slug="share-the-findings").live is False
    assert box.latest_revision_id == placed_revision.pk == box.live_revision_id
    placed_revision.refresh_from_db()
    assert placed_revision.content_object == box
    assert placed_revision.as_object().title == "Read the report"

    # The body (and its revision) places the box through the share-box slot, same block id.
    assert [(b["type"], b["value"], b["id"]) for b in raw_body(chapter)][1:] == [
        ("share_box", box.pk, "c1"),
        ("call_to_action", petition.pk, "c2"),
    ]
    page_revision.refresh_from_db()
    assert [b["type"] for b in json.loads(page_revision.content["body"])] == [
        "paragraph",
        "share_box",
        "call_to_action",
    ]
    chapter = ReportChapterPage.objects.get(pk=chapter.pk)
    assert chapter.body[1].value == box

    # A reader sees the box's page and the box in the chapter.
    CallsToActionIndexPageFactory(parent=home)
    page = client.get("/act/read-the-report/")
    assert text(page, "h1") == "Read the report"
    assert [href for label, href in links(page) if label == "Read it"] == [report.url]
    assert client.get("/act/share-the-findings/").status_code == 404  # still a draft

    # Whoever edited share rows edits share boxes.
    assert set(editors.permissions.values_list("codename", flat=True)) == {
        "change_calltoaction",
        "publish_calltoaction",
        "change_sharebox",
        "publish_sharebox",
    }


def test_going_back_turns_share_boxes_into_share_actions(home, migrate):
    report = ReportPageFactory(parent=home, slug="less-equal")
    box = ShareBox.objects.create(
        title="Read the report", slug="read-the-report", summary="Read it.", link_page=report
    )
    chapter = ReportChapterPageFactory(parent=report, body=[("share_box", box)])

    old = migrate(BEFORE_SHARE_BOXES)

    action = old.get_model("actions", "CallToAction").objects.get(slug="read-the-report")
    assert (action.kind, action.title, action.link_page_id) == (
        "share",
        "Read the report",
        report.pk,
    )
    assert [(b["type"], b["value"]) for b in raw_body(chapter)] == [("call_to_action", action.pk)]
    assert not old.get_model("actions", "ShareBox").objects.exists()
