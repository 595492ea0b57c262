"""Statements in the admin: scheduled through the status side panel, and a listing whose
status column and filter tell live, draft, scheduled and live + draft apart."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import querydict_from_html

from advocacy.statements.factories import StatementFactory
from advocacy.statements.models import Statement

pytestmark = pytest.mark.django_db

VIEWSET = "wagtailsnippets_statements_statement"
LATER = timezone.now() + datetime.timedelta(days=3)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def edit_form(admin_client, statement):
    page = soup(admin_client.get(reverse(f"{VIEWSET}:edit", args=[statement.pk])))
    return querydict_from_html(str(page.select_one("form[data-edit-form]")))


def schedule_in_the_admin(admin_client, statement, when):
    """Set schedule (the status side panel's dialog), then "Schedule to publish"."""
    data = edit_form(admin_client, statement)
    data["go_live_at"] = timezone.localtime(when).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse(f"{VIEWSET}:edit", args=[statement.pk]), data)
    assert response.status_code == 302, soup(response).select(".error-message")
    statement.refresh_from_db()
    return statement


def statuses(admin_client, **query):
    """{statement words: status tag} as the listing shows them."""
    listing = soup(admin_client.get(reverse(f"{VIEWSET}:list"), query))
    header = [th.get_text(" ", strip=True) for th in listing.select("table thead th")]
    column = header.index("Status")
    rows = {}
    for row in listing.select("table tbody tr"):
        cells = row.find_all("td")
        title = cells[1].select_one("a")
        rows[title.get_text(" ", strip=True)] = cells[column].get_text(" ", strip=True)
    return rows


@pytest.fixture
def four_statements(home):
    live = StatementFactory(text="Live words")
    draft = StatementFactory(text="Draft words", live=False)
    changed = StatementFactory(text="Live words with a draft")
    changed.context_note = "An unpublished change"
    changed.save_revision()
    scheduled = StatementFactory(text="Scheduled words", live=False)
    scheduled.go_live_at = LATER
    scheduled.save_revision(approved_go_live_at=LATER)
    return live, draft, changed, scheduled


def test_the_status_side_panel_offers_set_schedule(admin_client, home):
    statement = StatementFactory(live=False)

    page = soup(admin_client.get(reverse(f"{VIEWSET}:edit", args=[statement.pk])))

    status_panel = page.select_one("[data-side-panel='status']")
    assert status_panel.find("button", string=lambda s: s and s.strip() == "Set schedule")
    # The dialog it opens waits in a <template> until the admin's script moves it into the
    # form; its fields are the schedule.
    templates = page.select("template[data-controller=w-teleport]")
    dialogs = [BeautifulSoup(t.decode_contents(), "html.parser") for t in templates]
    dialog = next(d for d in dialogs if d.select_one("#schedule-publishing-dialog"))
    assert "Set publishing schedule" in dialog.get_text()
    assert dialog.select_one("input[name=go_live_at]") is not None
    assert dialog.select_one("input[name=expire_at]") is not None


def test_an_editor_schedules_a_draft_statement_and_it_waits(admin_client, client, home):
    statement = StatementFactory(text="Words for the launch day", live=False)

    schedule_in_the_admin(admin_client, statement, LATER)

    assert statement.live is False
    assert statement.scheduled_revision.approved_go_live_at == LATER.replace(
        second=0, microsecond=0
    )
    assert Statement.objects.published().filter(pk=statement.pk).exists() is False
    assert client.get(statement.get_absolute_url()).status_code == 404
    assert statuses(admin_client)["Words for the launch day"] == "scheduled"


def test_the_listing_has_a_status_column(admin_client, four_statements):
    assert statuses(admin_client) == {
        "Live words": "live",
        "Draft words": "draft",
        "Live words with a draft": "live + draft",
        "Scheduled words": "scheduled",
    }


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("live", "Live words"),
        ("draft", "Draft words"),
        ("live_draft", "Live words with a draft"),
        ("scheduled", "Scheduled words"),
    ],
)
def test_the_listing_filters_by_status(admin_client, four_statements, status, shown):
    assert list(statuses(admin_client, status=status)) == [shown]


def test_the_filter_names_the_states_as_the_column_does(admin_client, home):
    listing = soup(admin_client.get(reverse(f"{VIEWSET}:list")))

    options = [o.get_text(strip=True) for o in listing.select("select[name=status] option")]
    assert options == ["Any status", "Live", "Live + draft", "Scheduled", "Draft", "Expired"]
