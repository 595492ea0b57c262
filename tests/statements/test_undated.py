"""A statement or press release whose source gives no date says “date not given in the
source” wherever a date would show, and is never dated the day it was entered or loaded."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest

from django.core.management import call_command

from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory
from advocacy.statements.models import Statement
from tests.html import json_ld, one, select, text, texts

ATOM = "{http://www.w3.org/2005/Atom}"
NOT_GIVEN = "date not given in the source"


@pytest.fixture
def undated(home):
    return AnonymousStatementFactory(date_said=None)


def quotation(page):
    (data,) = [d for d in json_ld(page) if d.get("@type") == "Quotation"]
    return data


def test_an_undated_statement_says_so_on_its_permalink_and_the_desk(client, undated):
    permalink_page = client.get(undated.get_absolute_url())
    desk = client.get("/statements/")

    said_on = one(permalink_page, ".statement__meta").find("dt", string="Said on")
    assert said_on.find_next_sibling("dd").get_text(strip=True) == "Date not given in the source"
    assert select(permalink_page, ".statement__meta time") == []
    assert "Date not given in the source" in text(desk, ".desk__item .desk__meta")
    assert select(desk, ".desk__item time") == []
    assert "dateCreated" not in quotation(permalink_page)  # left out, not invented


def test_the_citation_of_an_undated_statement_says_the_date_is_not_given(undated):
    assert undated.citation("https://example.org/s/1/") == (
        "“the personal risks were too great,” said a prominent LGBTI activist in Belarus"
        f" ({NOT_GIVEN}). Source: https://example.org/s/1/"
    )


def test_csv_feed_and_api_say_the_date_is_not_given(client, undated):
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/statements/statements.csv").content.decode("utf-8-sig"))
        )
    )
    feed = ET.fromstring(client.get("/statements/feed/").content)
    entry = feed.find(f"{ATOM}entry")
    api = client.get("/api/v2/statements/").json()["items"][0]

    assert rows[0]["date"] == NOT_GIVEN
    assert f"({NOT_GIVEN})" in entry.find(f"{ATOM}title").text
    assert "said on" not in ET.tostring(entry, encoding="unicode")
    # Atom requires <updated>: the time its revision was published here, named as such.
    updated = datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
    assert updated == undated.last_published_at
    assert api["date_said"] is None
    assert client.get(f"/api/v2/statements/{undated.pk}/").json()["date_label"] == NOT_GIVEN


def test_dated_statements_come_newest_first_and_undated_last(client, home):
    StatementFactory(text="Undated words", date_said=None)
    StatementFactory(text="Older words", date_said=datetime.date(2016, 8, 1))
    StatementFactory(text="Newer words", date_said=datetime.date(2017, 5, 17))

    desk = texts(client.get("/statements/"), ".desk__words")
    assert [t.strip("“”") for t in desk] == ["Newer words", "Older words", "Undated words"]
    assert [s.text for s in Statement.objects.all()] == [
        "Newer words",
        "Older words",
        "Undated words",
    ]


def test_a_press_release_without_a_release_time_is_not_dated_the_day_it_was_published(client, home):
    from reports.factories import PressReleaseIndexPageFactory, PressReleasePageFactory

    index = PressReleaseIndexPageFactory(parent=home)
    undated = PressReleasePageFactory(parent=index, title="Undated release", slug="undated")
    undated.save_revision().publish()  # as the admin publishes it: first_published_at is now
    PressReleasePageFactory(
        parent=index,
        title="Dated release",
        slug="dated",
        release_time=datetime.datetime(2017, 5, 17, 9, tzinfo=datetime.UTC),
    )

    page = client.get(undated.url)
    listing = client.get(index.url)
    feed = ET.fromstring(client.get(f"{index.url}feed/").content)

    assert "Date not given in the source" in text(page, ".eyebrow")
    assert select(page, ".eyebrow time") == []
    (article,) = [d for d in json_ld(page) if d.get("@type") == "NewsArticle"]
    assert "datePublished" not in article
    assert texts(listing, ".release-list__title") == ["Dated release", "Undated release"]
    assert texts(listing, ".release-list__item .meta") == [
        "17 May 2017",
        "Date not given in the source",
    ]
    entries = {e.find(f"{ATOM}title").text: e for e in feed.iter(f"{ATOM}entry")}
    assert entries["Undated release"].find(f"{ATOM}published") is None
    assert entries["Undated release"].find(f"{ATOM}updated") is not None


@pytest.mark.django_db(transaction=True)
def test_the_demo_dates_nothing_with_the_day_it_was_loaded(client):
    from reports.models import PressReleasePage

    call_command("load_demo_content", verbosity=0)

    assert Statement.objects.count() and not Statement.objects.filter(date_said__isnull=False)
    release = PressReleasePage.objects.get(locale__language_code="en")
    assert release.release_time is None and release.published_at is None
    assert "Date not given in the source" in text(client.get(release.url), ".eyebrow")
