"""Calls to action have drafts, revisions, preview and scheduling; an unpublished one does
not exist for the public anywhere (issue 9, item 10)."""

import datetime
import importlib

import pytest

from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision

from advocacy.actions.factories import CallToActionFactory, ShareBoxFactory
from advocacy.actions.models import CallToAction, Signature
from countries.factories import CountryIndexPageFactory, CountryPageFactory
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from tests.html import soup

from .signer import confirmation_link, form_data, last_mail

pytestmark = pytest.mark.django_db
SECRET = "Quuxpetition"


def unpublish(action, how):
    if how == "draft":
        action.unpublish()
    elif how == "scheduled":  # to go live in ten days: not live until then
        action.go_live_at = timezone.now() + datetime.timedelta(days=10)
        action.live = False
        action.save()
        action.save_revision(approved_go_live_at=action.go_live_at)
    elif how == "expired":  # past its expiry, the scheduler not run yet
        action.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        action.save()
    action.refresh_from_db()
    return action


HOW = ["draft", "scheduled", "expired"]


@pytest.fixture
def action(home):
    action = CallToActionFactory(
        slug="hidden-petition", title=f"{SECRET} headline", demand=f"{SECRET} demand"
    )
    action.save_revision().publish()
    action.refresh_from_db()
    return action


@pytest.fixture
def placed(home, action):
    """The action placed in a chapter body and concerning Belarus."""
    report = ReportPageFactory(parent=home, slug="report")
    chapter = ReportChapterPageFactory(parent=report, slug="chapter")
    chapter.body.append(("call_to_action", action))
    chapter.save_revision().publish()
    index = CountryIndexPageFactory(parent=home)
    belarus = CountryPageFactory(parent=index, title="Belarus", iso_code="BY")
    return report, chapter, belarus


def public_surfaces(client, placed):
    report, chapter, belarus = placed
    return {
        "index": client.get("/act/"),
        "sitemap": client.get("/sitemap.xml"),
        "chapter": client.get(chapter.url),
        "report": client.get(report.url),
        "country": client.get(belarus.url),
        "api": client.get(f"/api/v2/pages/{chapter.pk}/"),
        "search": client.get("/search/", {"q": SECRET}),
    }


def test_published_action_is_everywhere(client, action, placed):
    for name, response in public_surfaces(client, placed).items():
        assert response.status_code == 200, name
        if name != "search":
            assert "/act/hidden-petition/" in response.content.decode(), name
    assert client.get(action.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("how", HOW)
def test_unpublished_action_is_nowhere(client, action, placed, how):
    unpublish(action, how)
    call_command("update_index", verbosity=0)
    assert client.get(action.get_absolute_url()).status_code == 404
    assert client.get(f"/act/{action.slug}/check-your-email/").status_code == 404
    for name, response in public_surfaces(client, placed).items():
        assert response.status_code == 200, name
        body = response.content.decode()  # raw: a hidden action's words may not be sent at all
        if name == "search":  # the query is shown back; no result may carry the words
            assert "0 results for" in body
        else:
            assert SECRET not in body, name
        assert "/act/hidden-petition/" not in body, name


@pytest.mark.parametrize("how", HOW)
def test_unpublished_share_box_is_nowhere(client, home, how):
    box = ShareBoxFactory(slug="hidden-box", title=f"{SECRET} box", summary=f"{SECRET} summary")
    box.save_revision().publish()
    report = ReportPageFactory(parent=home, slug="report")
    chapter = ReportChapterPageFactory(parent=report, slug="chapter", body=[("share_box", box)])
    assert f"{SECRET} box" in client.get("/act/").content.decode()
    assert f"{SECRET} box" in client.get(chapter.url).content.decode()
    assert "/act/hidden-box/" in client.get("/sitemap.xml").content.decode()

    unpublish(box, how)

    assert client.get(box.get_absolute_url()).status_code == 404
    for url in ("/act/", "/sitemap.xml", chapter.url, report.url, f"/api/v2/pages/{chapter.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
        assert "/act/hidden-box/" not in response.content.decode(), url


@pytest.mark.parametrize("how", HOW)
def test_unpublished_action_cannot_be_signed(client, action, how):
    unpublish(action, how)
    response = client.post(action.get_absolute_url(), form_data(action))
    assert response.status_code == 404
    assert not Signature.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("how", HOW)
def test_unpublished_action_cannot_be_confirmed(client, action, how):
    client.post(action.get_absolute_url(), form_data(action))
    link = confirmation_link(last_mail())
    unpublish(action, how)
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 404
        assert SECRET not in response.content.decode()
    assert not Signature.objects.filter(confirmed_at__isnull=False).exists()


def test_scheduled_action_goes_live_on_time(client, action):
    unpublish(action, "scheduled")
    assert client.get(action.get_absolute_url()).status_code == 404
    CallToAction.objects.filter(pk=action.pk).update(
        go_live_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    Revision.objects.filter(object_id=str(action.pk)).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("publish_scheduled", verbosity=0)
    assert client.get(action.get_absolute_url()).status_code == 200


def test_draft_changes_stay_private_until_published(client, action):
    action.title = "Drafted new headline"
    action.save_revision()
    page = client.get(action.get_absolute_url()).content.decode()
    assert f"{SECRET} headline" in page
    assert "Drafted new headline" not in page
    action.get_latest_revision().publish()
    assert "Drafted new headline" in client.get(action.get_absolute_url()).content.decode()


def test_editor_sees_scheduling_and_can_preview(admin_client, action):
    edit = admin_client.get(reverse("wagtailsnippets_actions_calltoaction:edit", args=[action.pk]))
    assert edit.status_code == 200
    body = edit.content.decode()
    # The scheduling fields wait in the dialog's <template>, which CSS selectors do not enter.
    assert soup(body).find("input", attrs={"name": "go_live_at"})
    assert soup(body).find("input", attrs={"name": "expire_at"})
    assert "preview" in body.lower()
    unpublish(action, "draft")
    preview = action.make_preview_request()
    assert preview.status_code == 200
    assert "not published" in preview.content.decode()
    assert f"{SECRET} demand" in preview.content.decode()


def test_existing_actions_become_live_with_a_first_revision(home):
    migration = importlib.import_module("advocacy.actions.migrations.0004_call_to_action_drafts")
    old = CallToActionFactory(slug="from-before")
    CallToAction.objects.filter(pk=old.pk).update(
        live=False, latest_revision=None, live_revision=None
    )
    migration.publish_existing(apps, None)
    old.refresh_from_db()
    assert old.live
    assert old.live_revision_id == old.latest_revision_id is not None
    assert old.live_revision.as_object().title == old.title
    migration.publish_existing(apps, None)  # a second run changes nothing
    assert Revision.objects.filter(object_id=str(old.pk)).count() == 1


def test_demo_publishes_both_actions_once(client):
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    actions = list(CallToAction.objects.filter(locale__language_code="en"))
    assert len(actions) == 2
    assert CallToAction.objects.filter(locale__language_code="ru").count() == 2
    for action in actions:
        assert action.live and action.live_revision_id
        assert (
            Revision.objects.filter(
                object_id=str(action.pk), base_content_type__model="calltoaction"
            ).count()
            == 1
        )
        assert client.get(action.get_absolute_url()).status_code == 200
