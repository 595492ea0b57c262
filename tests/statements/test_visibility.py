"""A draft, scheduled or unpublished statement is invisible on every public surface."""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from advocacy.statements.factories import StatementFactory

pytestmark = pytest.mark.django_db
SECRET = "Quuxembargoed"


@pytest.fixture(params=["draft", "scheduled", "unpublished"])
def hidden(request, belarus, krivosheev):
    statement = StatementFactory(
        text=f"{SECRET} words under embargo",
        speaker=krivosheev,
        live=request.param == "unpublished",
        countries=["BY"],
    )
    if request.param == "scheduled":
        statement.go_live_at = timezone.now() + datetime.timedelta(days=1)
        statement.save_revision().publish()  # with a future go-live date this schedules it
    elif request.param == "unpublished":
        statement.unpublish()
    statement.refresh_from_db()
    assert statement.live is False
    call_command("update_index", verbosity=0)
    return statement


@pytest.fixture
def visible(belarus, krivosheev):
    statement = StatementFactory(text="Visible words", speaker=krivosheev, countries=["BY"])
    statement.save_revision().publish()
    return statement


SURFACES = {
    "desk": "/statements/",
    "desk search": f"/statements/?q={SECRET}",
    "country page": "/countries/belarus/",
    "site search": f"/search/?q={SECRET}",
    "feed": "/statements/feed/",
    "country feed": "/statements/feed/?country=BY",
    "api": "/api/v2/statements/",
    "csv": "/statements/statements.csv",
    "sitemap": "/sitemap.xml",
}


@pytest.mark.parametrize("surface", SURFACES)
def test_hidden_statement_is_on_no_listing(client, hidden, visible, surface):
    body = client.get(SURFACES[surface]).content.decode()
    if surface not in {"desk search", "site search"}:
        assert "Visible words" in body or f"/statements/{visible.pk}-" in body
    assert f"{SECRET} words" not in body
    assert f"/statements/{hidden.pk}-" not in body


def test_hidden_statement_has_no_page_card_or_api_detail(client, hidden):
    assert client.get(f"/statements/{hidden.pk}-{hidden.slug}/").status_code == 404
    assert client.get(f"/statements/{hidden.pk}/").status_code == 404
    assert client.get(f"/statements/{hidden.pk}/card-og.png").status_code == 404
    assert client.get(f"/api/v2/statements/{hidden.pk}/").status_code == 404


def test_scheduled_statement_goes_live_on_its_own_at_the_embargo_time(client, krivosheev):
    import time

    statement = StatementFactory(text="Embargoed until shortly", speaker=krivosheev, live=False)
    statement.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    statement.save_revision().publish()
    assert "Embargoed until shortly" not in client.get("/statements/").content.decode()

    time.sleep(1.2)
    call_command("publish_scheduled", verbosity=0)  # what cron runs every minute

    assert "Embargoed until shortly" in client.get("/statements/").content.decode()


def test_preview_shows_a_draft_to_staff_with_a_notice(admin_client, hidden):
    url = f"/admin/snippets/statements/statement/preview/{hidden.pk}/"
    admin_client.post(
        url,
        {
            "text": hidden.text,
            "language": "en",
            "speaker": str(hidden.speaker_id),
            "date_said": "2026-11-25",
        },
    )
    response = admin_client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert f"{SECRET} words" in html
    assert "not published" in html
