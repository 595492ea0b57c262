"""Release bundles, the service: what a bundle may hold, the checklist, scheduling with
Wagtail's scheduled publishing, publish_scheduled at the embargo time, cancelling."""

import datetime
import time

import pytest

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from advocacy.newsroom import bundles
from advocacy.newsroom.models import ReleaseBundle, ReleaseBundleItem
from advocacy.statements.factories import StatementFactory

from .launch import build_launch, embargo_arrives, fresh, status_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def launch(home, site):
    return build_launch(home, site)


@pytest.fixture
def bundle(admin_user):
    return ReleaseBundle.objects.create(
        name="Less equal launch",
        embargo_at=timezone.now() + datetime.timedelta(days=2),
        created_by=admin_user,
    )


@pytest.fixture
def full_bundle(bundle, launch, admin_user):
    bundles.add_report_with_chapters(bundle, launch.report, user=admin_user)
    for target in (launch.release, launch.statement, launch.petition):
        bundles.add_item(bundle, target, user=admin_user)
    return bundle


def messages_of(refusal):
    return " ".join(refusal.value.messages)


# -- what a bundle holds -------------------------------------------------------------------
def test_the_report_comes_with_all_its_draft_chapters(bundle, launch, admin_user):
    added, refused = bundles.add_report_with_chapters(bundle, launch.report, user=admin_user)

    assert [item.page_id for item in added] == [launch.report.pk] + [c.pk for c in launch.chapters]
    assert refused == []


def test_a_live_chapter_stays_out_with_a_message_naming_it(bundle, launch, admin_user):
    live = launch.chapters[1]
    live.save_revision().publish()

    added, refused = bundles.add_report_with_chapters(bundle, launch.report, user=admin_user)

    assert live.pk not in [item.page_id for item in added]
    assert refused == [
        "Report chapter “Crackdown on LGBTI rights” is already live: a bundle launches what"
        " is not yet public. Schedule changes to a live item from its own edit screen."
    ]


def test_an_item_already_live_is_refused_by_name(bundle, home, admin_user):
    statement = StatementFactory(text="We will not be silenced")

    with pytest.raises(bundles.BundleRefused) as refusal:
        bundles.add_item(bundle, statement, user=admin_user)

    assert "Statement “We will not be silenced” is already live" in messages_of(refusal)
    assert not bundle.items.exists()


def test_two_bundles_cannot_claim_the_same_page(full_bundle, launch, admin_user):
    other = ReleaseBundle.objects.create(
        name="Second launch", embargo_at=timezone.now() + datetime.timedelta(days=3)
    )

    with pytest.raises(bundles.BundleRefused) as refusal:
        bundles.add_item(other, launch.release, user=admin_user)

    assert messages_of(refusal) == (
        "Press release “Former Soviet states entrenching homophobia” is already in the bundle"
        " “Less equal launch”: one launch per item."
    )


def test_the_database_refuses_a_second_active_claim(full_bundle, launch):
    other = ReleaseBundle.objects.create(
        name="Second launch", embargo_at=timezone.now() + datetime.timedelta(days=3)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ReleaseBundleItem.objects.create(bundle=other, page=launch.release)
    # An item is one thing: never two at once, never none.
    with pytest.raises(IntegrityError), transaction.atomic():
        ReleaseBundleItem.objects.create(
            bundle=other, statement=launch.statement, call_to_action=launch.petition
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ReleaseBundleItem.objects.create(bundle=other)


def test_a_cancelled_bundle_lets_go_of_its_items(full_bundle, launch, admin_user):
    bundles.cancel(full_bundle, admin_user)
    other = ReleaseBundle.objects.create(
        name="Second launch", embargo_at=timezone.now() + datetime.timedelta(days=3)
    )

    bundles.add_item(other, launch.release, user=admin_user)

    assert other.items.get().page_id == launch.release.pk


# -- the checklist -------------------------------------------------------------------------
def test_a_ready_bundle_has_an_empty_checklist(full_bundle, admin_user):
    assert bundles.checklist(full_bundle, admin_user) == []


def test_the_checklist_names_what_is_not_ready(bundle, launch, admin_user, site):
    release = launch.release.get_latest_revision_as_object()
    release.standfirst = ""
    release.search_description = ""
    release.save_revision()
    statement = launch.statement
    statement.source_page = None
    statement.source_description = ""
    statement.save_revision()
    bundles.add_item(bundle, launch.report, user=admin_user)  # chapters left out
    bundles.add_item(bundle, launch.release, user=admin_user)
    bundles.add_item(bundle, launch.statement, user=admin_user)
    settings = bundles.SiteSettings.for_site(site)
    settings.press_email = ""
    settings.press_phone = ""
    settings.save()

    checks = bundles.checklist(bundle, admin_user)

    assert all(not check.blocking for check in checks)
    lines = {check.message: check.url for check in checks}
    assert lines == {
        "Press release “Former Soviet states entrenching homophobia” has no summary or search"
        " description: lists, search results and shared links will show no description.": (
            f"/admin/pages/{launch.release.pk}/edit/"
        ),
        "Report chapter “A worrying rise in hostility” is a draft and not in this bundle: it"
        " stays unpublished.": f"/admin/pages/{launch.chapters[0].pk}/edit/",
        "Report chapter “Crackdown on LGBTI rights” is a draft and not in this bundle: it"
        " stays unpublished.": f"/admin/pages/{launch.chapters[1].pk}/edit/",
        "Report chapter “Marginalised” is a draft and not in this bundle: it stays"
        " unpublished.": f"/admin/pages/{launch.chapters[2].pk}/edit/",
        f"Statement “{statement}” has no source: give the page or the event it comes from.": (
            f"/admin/snippets/statements/statement/edit/{statement.pk}/"
        ),
        "The site has no press contact (Settings › Site settings): the press release and the"
        " press page will show no way to reach the press office.": (
            f"/admin/settings/core/sitesettings/{site.pk}/"
        ),
    }


def test_blocking_lines_empty_past_and_orphans(launch, admin_user):
    past = ReleaseBundle.objects.create(
        name="Too late", embargo_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    assert [c.message for c in bundles.checklist(past, admin_user) if c.blocking] == [
        "The bundle is empty: add the report, its chapters and the rest.",
        "The embargo time has passed: give a time in the future.",
    ]
    orphan = ReleaseBundle.objects.create(
        name="Chapter alone", embargo_at=timezone.now() + datetime.timedelta(days=1)
    )
    bundles.add_item(orphan, launch.chapters[0], user=admin_user)
    assert [c.message for c in bundles.checklist(orphan, admin_user) if c.blocking] == [
        "Report chapter “A worrying rise in hostility” would go live under report “Less"
        " equal”, which is a draft and not in this bundle: add it too."
    ]


def test_a_draft_that_would_not_validate_blocks(bundle, launch, admin_user):
    petition = launch.petition
    petition.consent_text = ""
    petition.save_revision(clean=False)
    bundles.add_item(bundle, petition, user=admin_user)

    [check] = [c for c in bundles.checklist(bundle, admin_user) if c.blocking]

    assert check.message.startswith(f"Call to action “{petition}” is not ready to publish:")
    assert "Signers must be told what they agree to." in check.message


# -- scheduling ----------------------------------------------------------------------------
def test_schedule_approves_each_items_revision_for_the_embargo_time(
    full_bundle, launch, admin_user
):
    bundles.schedule(full_bundle, admin_user)

    full_bundle.refresh_from_db()
    assert full_bundle.status == ReleaseBundle.Status.SCHEDULED
    for target in launch.everything:
        target = fresh(target)
        assert not target.live
        assert target.scheduled_revision.approved_go_live_at == full_bundle.embargo_at
        assert target.scheduled_revision.as_object().go_live_at == full_bundle.embargo_at
        assert status_of(target) == "scheduled"
    # Wagtail's own log line on every item, and the bundle's.
    assert PageLogEntry.objects.filter(action="wagtail.publish.schedule").count() == 5
    assert ModelLogEntry.objects.filter(action="wagtail.publish.schedule").count() == 2
    assert ModelLogEntry.objects.filter(action="newsroom.bundle.schedule").count() == 1


def test_warnings_must_be_accepted(bundle, launch, admin_user):
    bundles.add_item(bundle, launch.report, user=admin_user)  # three chapters left out

    with pytest.raises(bundles.BundleRefused) as refusal:
        bundles.schedule(bundle, admin_user)

    assert messages_of(refusal) == ("Read the 3 warning(s) and tick the box to schedule anyway.")
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    bundles.schedule(bundle, admin_user, accept_warnings=True)
    assert status_of(launch.report) == "scheduled"


def test_a_past_embargo_is_refused_and_nothing_is_scheduled(full_bundle, admin_user):
    ReleaseBundle.objects.filter(pk=full_bundle.pk).update(
        embargo_at=timezone.now() - datetime.timedelta(seconds=1)
    )

    with pytest.raises(bundles.BundleRefused) as refusal:
        bundles.schedule(full_bundle, admin_user, accept_warnings=True)

    assert messages_of(refusal) == "The embargo time has passed: give a time in the future."
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_an_item_published_meanwhile_is_refused_by_name(full_bundle, launch, admin_user):
    launch.chapters[2].save_revision().publish()

    with pytest.raises(bundles.BundleRefused) as refusal:
        bundles.schedule(full_bundle, admin_user, accept_warnings=True)

    assert messages_of(refusal) == (
        "Report chapter “Marginalised” is already live: take it out of the bundle."
    )


def test_publish_scheduled_at_the_embargo_makes_everything_live_at_once(
    full_bundle, launch, admin_user
):
    bundles.schedule(full_bundle, admin_user)
    call_command("publish_scheduled")
    # Before the embargo: nothing moved.
    assert not any(fresh(target).live for target in launch.everything)

    embargo_arrives(full_bundle)
    call_command("publish_scheduled")

    assert all(fresh(target).live for target in launch.everything)
    full_bundle.refresh_from_db()
    assert full_bundle.status == ReleaseBundle.Status.RELEASED
    assert ModelLogEntry.objects.filter(action="newsroom.bundle.release").count() == 1


def test_publish_scheduled_in_real_time(bundle, launch, admin_user):
    """No clock is faked here: the embargo is two seconds ahead, and the test waits."""
    bundle.embargo_at = timezone.now() + datetime.timedelta(seconds=2)
    bundle.save()
    bundles.add_item(bundle, launch.statement, user=admin_user)
    bundles.add_item(bundle, launch.petition, user=admin_user)
    # The statement cites a chapter left out of this bundle: a warning, accepted.
    bundles.schedule(bundle, admin_user, accept_warnings=True)
    while timezone.now() <= bundle.embargo_at:
        time.sleep(0.2)

    call_command("publish_scheduled")

    assert fresh(launch.statement).live and fresh(launch.petition).live
    bundle.refresh_from_db()
    assert bundle.status == ReleaseBundle.Status.RELEASED


# -- cancelling ----------------------------------------------------------------------------
def test_cancel_unschedules_everything_and_keeps_the_content(full_bundle, launch, admin_user):
    before = {
        target: fresh(target).get_latest_revision_as_object().title
        if hasattr(target, "title")
        else fresh(target).get_latest_revision_as_object().text
        for target in launch.everything
    }
    bundles.schedule(full_bundle, admin_user)

    bundles.cancel(full_bundle, admin_user)

    full_bundle.refresh_from_db()
    assert full_bundle.status == ReleaseBundle.Status.CANCELLED
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    for target in launch.everything:
        target = fresh(target)
        draft = target.get_latest_revision_as_object()
        assert status_of(target) == "draft"
        assert target.go_live_at is None and draft.go_live_at is None
        assert (draft.title if hasattr(draft, "title") else draft.text) == before[
            next(t for t in before if type(t) is type(target) and t.pk == target.pk)
        ]
    assert PageLogEntry.objects.filter(action="wagtail.schedule.cancel").count() == 5
    assert ModelLogEntry.objects.filter(action="wagtail.schedule.cancel").count() == 2
    assert ModelLogEntry.objects.filter(action="newsroom.bundle.cancel").count() == 1
    # Nothing goes live at the embargo time any more.
    embargo_arrives(full_bundle)
    call_command("publish_scheduled")
    assert not any(fresh(target).live for target in launch.everything)


def test_unschedule_returns_to_a_draft_that_can_be_scheduled_again(full_bundle, launch, admin_user):
    bundles.schedule(full_bundle, admin_user)
    bundles.cancel(full_bundle, admin_user, back_to_draft=True)

    full_bundle.refresh_from_db()
    assert full_bundle.status == ReleaseBundle.Status.DRAFT
    assert bundles.checklist(full_bundle, admin_user) == []
    bundles.schedule(full_bundle, admin_user)
    assert status_of(launch.release) == "scheduled"


def test_a_schedule_changed_behind_the_bundle_shows_on_its_checklist(
    full_bundle, launch, admin_user
):
    bundles.schedule(full_bundle, admin_user)
    revision = fresh(launch.petition).scheduled_revision
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])

    checks = bundles.checklist(full_bundle, admin_user)
    [check] = checks

    assert check.blocking
    assert check.message.startswith(
        f"Call to action “{launch.petition}” is no longer scheduled for the embargo time"
    )


def test_an_item_locked_by_someone_else_blocks(bundle, launch, admin_user, django_user_model):
    colleague = django_user_model.objects.create_user("colleague")
    launch.release.locked = True
    launch.release.locked_by = colleague
    launch.release.save(update_fields=["locked", "locked_by"])
    bundles.add_item(bundle, launch.release, user=admin_user)

    blocking = [c.message for c in bundles.checklist(bundle, admin_user) if c.blocking]

    assert blocking == [
        "Press release “Former Soviet states entrenching homophobia” is locked by another"
        " editor: ask them to unlock it."
    ]
