"""Statements go through the source-safety review too: an anonymous source's words stop at
it, a named speaker's statement with nothing to review passes by itself."""

import json

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowContentType
from wagtail.test.utils.form_data import querydict_from_html

from advocacy.newsroom.models.safety import CHECKLIST_FIELDS
from advocacy.newsroom.safety_demo import reviewers_group, safety_workflow
from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import StatementFactory
from advocacy.statements.models import Statement
from tests.signin import sign_in

pytestmark = pytest.mark.django_db
VIEWSET = "wagtailsnippets_statements_statement"
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def workflow(home):
    workflow = safety_workflow(reviewers_group([]))
    WorkflowContentType.objects.create(
        content_type=ContentType.objects.get_for_model(Statement), workflow=workflow
    )
    return workflow


def client_for(name, *groups):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "x")
    user.groups.add(*groups)
    client = Client()
    sign_in(client, user)
    return client


@pytest.fixture
def writer(workflow):
    group = Group.objects.create(name="Quote desk writers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            codename__in=["add_statement", "change_statement", "view_person"]
        ),
    )
    return client_for("writer", group)


@pytest.fixture
def reviewer(workflow):
    return client_for("reviewer", Group.objects.get(name="Source safety reviewers"))


def submit(client, statement, **changes):
    url = reverse(f"{VIEWSET}:edit", args=[statement.pk])
    html = BeautifulSoup(client.get(url).content, "html.parser").select_one("form[data-edit-form]")
    data = querydict_from_html(str(html))
    for name, value in changes.items():
        data[name] = value
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    statement.refresh_from_db()
    return statement


def test_an_anonymous_statement_naming_a_person_stops_at_the_review(writer, reviewer):
    PersonFactory(name="Anna Petrova")
    statement = StatementFactory(
        speaker=None, anonymous_source="an activist in Belarus", text="Words.", live=False
    )

    statement = submit(writer, statement, text="Anna Petrova hid me for a week.")

    assert not statement.live
    task_state = statement.current_workflow_task_state
    assert task_state.task.name == "Source safety review"
    url = reverse(f"{VIEWSET}:workflow_action", args=[statement.pk, "approve", task_state.pk])
    html = json.loads(reviewer.get(url, **XHR).content)["html"]
    assert "The testimony names Anna Petrova, a person in the database." in html

    response = reviewer.post(url, dict.fromkeys(CHECKLIST_FIELDS, "on"), **XHR)

    assert json.loads(response.content)["step"] == "success"
    statement.refresh_from_db()
    assert statement.live
    assert statement.text == "Anna Petrova hid me for a week."


def test_a_named_speaker_s_statement_waits_with_nothing_to_review(writer, reviewer):
    statement = StatementFactory(text="Words.", live=False)

    statement = submit(writer, statement, text="We call on the authorities to act.")

    assert not statement.live
    task_state = statement.current_workflow_task_state
    url = reverse(f"{VIEWSET}:workflow_action", args=[statement.pk, "approve", task_state.pk])
    html = json.loads(reviewer.get(url, **XHR).content)["html"]
    assert "Nothing to review: no testimony and no image." in html
