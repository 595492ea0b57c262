"""The source-safety review in the admin: a chapter whose testimony names a Person stops at
the review, the reviewer sees the finding, the submitter cannot approve their own
submission, another reviewer approves after ticking the checklist or requests changes."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from wagtail.models import GroupPagePermission, TaskState, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advocacy.newsroom.models.safety import CHECKLIST_FIELDS, SourceSafetyReviewTask
from advocacy.newsroom.safety_demo import reviewers_group, safety_workflow
from advocacy.people.factories import PersonFactory
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportChapterPage
from tests.html import soup
from tests.signin import sign_in

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def report(home):
    return ReportPageFactory(parent=home, slug="less-equal")


@pytest.fixture
def chapter(report):
    return ReportChapterPageFactory(parent=report, slug="crackdown", title="Crackdown")


@pytest.fixture
def workflow(report):
    workflow = safety_workflow(reviewers_group([report]))
    WorkflowPage.objects.create(page=report, workflow=workflow)
    return workflow


def user_in(name, *groups):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", PASSWORD)
    user.groups.add(*groups)
    return user


@pytest.fixture
def writers(report):
    """Editors who write the report: they may edit and submit, not publish."""
    group = Group.objects.create(name="Writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ["add_page", "change_page"]:
        GroupPagePermission.objects.create(
            group=group, page=report, permission=Permission.objects.get(codename=codename)
        )
    return group


@pytest.fixture
def writer(workflow, writers):
    """Writes and submits the chapter; also a safety reviewer."""
    return user_in("writer", writers, Group.objects.get(name="Source safety reviewers"))


@pytest.fixture
def reviewer(workflow):
    return user_in("reviewer", Group.objects.get(name="Source safety reviewers"))


def client_for(user):
    client = Client()
    sign_in(client, user)
    return client


def chapter_form(chapter, *blocks, **actions):
    data = nested_form_data(
        {
            "title": chapter.title,
            "slug": chapter.slug,
            "standfirst": chapter.standfirst,
            "body": streamfield(list(blocks)),
            "footnotes": inline_formset([]),
        }
    )
    data.update(actions)
    return data


def said(words):
    return ("testimony", {"words": words, "source_description": "an activist", "country": ""})


def submit(client, chapter, *blocks):
    url = reverse("wagtailadmin_pages:edit", args=[chapter.pk])
    return client.post(url, chapter_form(chapter, *blocks, **{"action-submit": "1"}))


def action_url(chapter, action):
    task_state = chapter.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[chapter.pk, action, task_state.pk])


def modal_html(response):
    return json.loads(response.content)["html"]


def checklist(**extra):
    return {name: "on" for name in CHECKLIST_FIELDS} | extra


@pytest.fixture
def submitted(chapter, writer):
    """The writer has submitted the chapter with a testimony naming a Person."""
    PersonFactory(name="Anna Petrova")
    response = submit(
        client_for(writer),
        chapter,
        ("paragraph", rich_text("<p>Introduction.</p>")),
        said("I hid at Anna Petrova's flat for a week."),
    )
    assert response.status_code == 302
    chapter.refresh_from_db()
    return chapter


def test_a_testimony_naming_a_person_stops_at_the_safety_review(submitted, reviewer):
    task = submitted.current_workflow_task
    assert isinstance(task.specific, SourceSafetyReviewTask)
    assert task.name == "Source safety review"
    assert not submitted.live or "Anna Petrova" not in str(
        ReportChapterPage.objects.get(pk=submitted.pk).body
    )

    response = client_for(reviewer).get(action_url(submitted, "approve"), **XHR)

    assert response.status_code == 200
    html = soup(modal_html(response))
    findings = [li.get_text(" ", strip=True) for li in html.select("[data-finding]")]
    assert findings == [
        "The testimony names Anna Petrova, a person in the database. Body, block 2 (Testimony)"
    ]
    assert "I hid at Anna Petrova's flat for a week." in html.get_text()
    labels = [label.get_text(strip=True) for label in html.select("label")]
    assert any(label.startswith("No testimony gives a name, place, date") for label in labels)


def test_the_submitter_cannot_approve_their_own_submission(submitted, writer):
    client = client_for(writer)

    # No approve action in the editor, and a message saying why.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))
    text = soup(response.content.decode()).get_text(" ", strip=True)
    assert "another reviewer must approve it" in text
    assert "Approve after safety review" not in text
    assert "Request changes" in text

    # The approve form and a crafted approval are refused.
    assert client.get(action_url(submitted, "approve"), **XHR).status_code == 403
    assert client.post(action_url(submitted, "approve"), checklist(), **XHR).status_code == 403
    edit = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    crafted = chapter_form(
        submitted,
        said("I hid at Anna Petrova's flat for a week."),
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps(
                {"comment": ""} | dict.fromkeys(CHECKLIST_FIELDS, True)
            ),
        },
    )
    client.post(edit, crafted)
    assert submitted.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    # Nor is it waiting for their review on the dashboard.
    task = SourceSafetyReviewTask.objects.get()
    assert not task.get_task_states_user_can_moderate(writer).exists()


def test_another_reviewer_approves_after_ticking_every_check(submitted, reviewer):
    client = client_for(reviewer)
    url = action_url(submitted, "approve")

    # One check left unticked: the form comes back with the error, nothing is approved.
    unticked = checklist()
    del unticked["check_images"]
    response = client.post(url, unticked, **XHR)
    assert "Tick this check, or request changes if you cannot." in modal_html(response)
    assert submitted.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    response = client.post(
        url, checklist(comment="Name removed? No: Anna is a spokesperson."), **XHR
    )
    assert json.loads(response.content)["step"] == "success"

    chapter = ReportChapterPage.objects.get(pk=submitted.pk)
    state = TaskState.objects.get()
    assert state.status == TaskState.STATUS_APPROVED
    assert state.finished_by == reviewer
    assert state.comment == "Name removed? No: Anna is a spokesperson."
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    assert chapter.live
    assert "Anna Petrova" in str(chapter.body)


def test_approving_from_the_editor_needs_the_checklist_too(submitted, reviewer):
    client = client_for(reviewer)
    edit = reverse("wagtailadmin_pages:edit", args=[submitted.pk])
    without_checks = chapter_form(
        submitted,
        said("I hid at Anna Petrova's flat for a week."),
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": ""}),
        },
    )
    response = client.post(edit, without_checks, follow=True)
    assert "you do not have permission" in response.content.decode()
    assert submitted.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_a_reviewer_requests_changes_with_a_comment(submitted, reviewer, writer):
    client = client_for(reviewer)
    url = action_url(submitted, "reject")

    response = client.get(url, **XHR)
    assert "The testimony names Anna Petrova" in modal_html(response)

    response = client.post(url, {"comment": ""}, **XHR)
    assert "This field is required." in modal_html(response)
    assert submitted.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    response = client.post(url, {"comment": "Take the name out of the testimony."}, **XHR)
    assert json.loads(response.content)["step"] == "success"
    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Take the name out of the testimony."
    assert not ReportChapterPage.objects.get(pk=submitted.pk).live or (
        "Anna Petrova" not in str(ReportChapterPage.objects.get(pk=submitted.pk).body)
    )

    # The writer sees the comment in the editor.
    response = client_for(writer).get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))
    assert "Take the name out of the testimony." in response.content.decode()


def test_content_without_testimony_or_image_still_waits_for_a_reviewer(chapter, writer, reviewer):
    response = submit(
        client_for(writer), chapter, ("paragraph", rich_text("<p>Only prose here.</p>"))
    )
    assert response.status_code == 302
    chapter.refresh_from_db()
    assert chapter.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    client = client_for(reviewer)
    url = action_url(chapter, "approve")
    html = soup(modal_html(client.get(url, **XHR)))
    assert html.select("[data-finding]") == []
    assert "Nothing to review: no testimony and no image." in html.get_text()

    client.post(url, checklist(), **XHR)
    chapter = ReportChapterPage.objects.get(pk=chapter.pk)
    assert chapter.live
    assert "Only prose here." in str(chapter.body)


def test_a_hostile_task_state_id_is_a_404(submitted, reviewer):
    client = client_for(reviewer)
    for task_state_id in [999999, 2**63 - 1, 2**70]:
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state_id]
        )
        assert client.get(url, **XHR).status_code == 404
    assert client.get(action_url(submitted, "publish-now"), **XHR).status_code == 403
