"""An editor can go back to the published version from a page's or a statement's history.

Wagtail's history offers "Review this version" (which opens the revert view and its
"Replace current draft" button) on a revision's *edit* entry, never on its "Published"
entry. Until issue 11 the demo loader published revisions it never logged as edits, so once
an editor saved a draft, the published version of every demo page and statement could not
be restored from the history.
"""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

from advocacy.statements.models import Statement
from reports.models import PressReleasePage
from tests.signin import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's "Editors" group who may also edit statements."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="statements", codename__in=["change_statement"]
        )
    )
    client = Client()
    sign_in(client, user)
    return user, client


@pytest.fixture
def demo(db):
    call_command("load_demo_content", verbosity=0)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def button_labels(element):
    return [" ".join(button.get_text(" ").split()) for button in element.select("button")]


def review_links(history):
    """The "Review this version" links of a history listing."""
    return {
        a["href"]
        for a in soup(history).find_all(
            "a", string=lambda s: s and s.strip() == "Review this version"
        )
    }


def test_the_published_version_of_a_demo_page_can_be_reviewed_and_restored(demo, editor):
    user, client = editor
    release = PressReleasePage.objects.live().get()
    published = release.live_revision
    release.title = "A title nobody approved"
    release.save_revision(user=user, log_action=True)  # the editor's "Save draft"

    history = client.get(reverse("wagtailadmin_pages:history", args=[release.pk]))

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[release.pk, published.pk])
    assert revert_url in review_links(history)
    review = client.get(revert_url)
    assert review.status_code == 200
    page = soup(review)
    assert "Replace current draft" in button_labels(page)
    assert page.select_one("input[name=title]")["value"] == published.as_object().title


def test_the_published_version_of_a_demo_statement_can_be_restored(demo, editor):
    user, client = editor
    statement = Statement.objects.filter(live=True).order_by("pk").first()
    published = statement.live_revision
    words = statement.text
    statement.text = "Words nobody said"
    statement.save_revision(user=user, log_action=True)
    viewset = statement.snippet_viewset

    history = client.get(reverse(viewset.get_url_name("history"), args=[statement.pk]))
    revert_url = reverse(
        viewset.get_url_name("revisions_revert"), args=[statement.pk, published.pk]
    )
    assert revert_url in review_links(history)

    review = client.get(revert_url)
    form = soup(review).select_one("form[data-edit-form]")
    assert "Replace current draft" in button_labels(form)
    replaced = client.post(revert_url, querydict_from_html(str(form)))

    assert replaced.status_code == 302
    statement.refresh_from_db()
    assert statement.get_latest_revision().as_object().text == words
    assert statement.text == words  # still live as published; the draft is replaced
