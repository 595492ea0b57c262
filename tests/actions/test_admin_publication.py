"""Calls to action and share boxes in the admin: scheduled through the status side panel,
listed with their publication status, and filtered by it."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import querydict_from_html

from advocacy.actions.factories import CallToActionFactory, ShareBoxFactory

pytestmark = pytest.mark.django_db

LATER = timezone.now() + datetime.timedelta(days=3)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def url(obj, name, *args):
    return reverse(obj.snippet_viewset.get_url_name(name), args=args)


def schedule_in_the_admin(admin_client, obj, when):
    """Set schedule (the status side panel's dialog), then "Schedule to publish"."""
    page = soup(admin_client.get(url(obj, "edit", obj.pk)))
    data = querydict_from_html(str(page.select_one("form[data-edit-form]")))
    data["go_live_at"] = timezone.localtime(when).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"
    response = admin_client.post(url(obj, "edit", obj.pk), data)
    assert response.status_code == 302, soup(response).select(".error-message")
    obj.refresh_from_db()
    return obj


def statuses(admin_client, model, column, **query):
    """{title: publication status} as the listing shows them."""
    listing = soup(admin_client.get(reverse(model.snippet_viewset.get_url_name("list")), query))
    header = [th.get_text(" ", strip=True) for th in listing.select("table thead th")]
    index = header.index(column)
    rows = {}
    for row in listing.select("table tbody tr"):
        cells = row.find_all("td")
        rows[cells[1].select_one("a").get_text(strip=True)] = cells[index].get_text(strip=True)
    return rows


def draft(factory, title):
    obj = factory(title=title, live=False)
    obj.save_revision()
    return obj


def live(factory, title, changed=False):
    obj = factory(title=title, live=False)
    obj.save_revision().publish()
    obj.refresh_from_db()
    if changed:
        obj.summary = "An unpublished change."
        obj.save_revision()
    return obj


@pytest.mark.parametrize(
    ("factory", "column"),
    [(CallToActionFactory, "Publication"), (ShareBoxFactory, "Publication")],
    ids=["call to action", "share box"],
)
def test_scheduling_and_the_status_column_and_filter(admin_client, home, factory, column):
    live(factory, "Live one")
    live(factory, "Changed one", changed=True)
    draft(factory, "Draft one")
    waiting = schedule_in_the_admin(admin_client, draft(factory, "Scheduled one"), LATER)
    model = waiting.__class__

    assert waiting.live is False
    assert waiting.scheduled_revision is not None
    assert not model.objects.published().filter(pk=waiting.pk).exists()
    assert statuses(admin_client, model, column) == {
        "Live one": "live",
        "Changed one": "live + draft",
        "Draft one": "draft",
        "Scheduled one": "scheduled",
    }
    for status, title in [
        ("live", "Live one"),
        ("live_draft", "Changed one"),
        ("draft", "Draft one"),
        ("scheduled", "Scheduled one"),
    ]:
        assert list(statuses(admin_client, model, column, status=status)) == [title], status
