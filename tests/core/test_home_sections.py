"""The home page's first screen says what the report found: the newest public report's cover
and key findings beside the headline, then the latest statements and the open call to
action. Each comes from its own app through the ``home_page_sections`` hook; drafts,
scheduled and closed items never show."""

import datetime

import pytest
from wagtail_factories import ImageFactory

from django.utils import timezone

from advocacy.actions.factories import CallToActionFactory, SignatureFactory
from advocacy.statements.factories import StatementFactory
from reports.factories import KeyFindingFactory, ReportPageFactory
from tests.html import links, one, select, soup, text, texts

pytestmark = pytest.mark.django_db


def home_html(client):
    response = client.get("/")
    assert response.status_code == 200
    return soup(response)


def lead(html):
    return one(html, ".hero .hero__lead")


# -- the report: cover and key findings beside the headline ---------------------------------
def test_the_report_s_key_findings_stand_beside_the_headline(client, home):
    report = ReportPageFactory(parent=home, title="Less equal", slug="less-equal")
    for words in ("Belarus adopted a propaganda law.", "Pride marches are banned."):
        KeyFindingFactory(report=report, text=words)

    panel = lead(home_html(client))

    assert text(panel, "h2") == "What the report found"
    assert texts(panel, "ol.findings li") == [
        "Belarus adopted a propaganda law.",
        "Pride marches are banned.",
    ]
    assert ("The full report: Less equal", report.url) in links(panel)


def test_the_report_s_cover_shows_with_its_alt_text_and_credit(client, home):
    cover = ImageFactory(title="Cover")
    ReportPageFactory(
        parent=home,
        slug="less-equal",
        cover_image=cover,
        cover_alt_text="Activists holding a rainbow banner in Yerevan",
        cover_credit="Photo: A. Photographer",
    )

    panel = lead(home_html(client))

    image = one(panel, "figure img")
    assert image["alt"] == "Activists holding a rainbow banner in Yerevan"
    assert text(panel, "figure figcaption") == "Photo: A. Photographer"


def test_without_a_cover_there_is_no_empty_figure(client, home):
    ReportPageFactory(parent=home, slug="less-equal")

    assert select(lead(home_html(client)), "figure") == []


def test_a_draft_report_and_its_findings_never_show(client, home):
    draft = ReportPageFactory(parent=home, slug="draft-report", live=False)
    KeyFindingFactory(report=draft, text="A finding still under embargo.")

    html = home_html(client)

    assert select(html, ".hero__lead") == []
    assert "under embargo" not in text(html)


def test_the_newest_public_report_is_the_one_shown(client, home):
    old = ReportPageFactory(parent=home, slug="old", publication_date=datetime.date(2020, 1, 1))
    KeyFindingFactory(report=old, text="An old finding.")
    new = ReportPageFactory(parent=home, slug="new", publication_date=datetime.date(2026, 11, 1))
    KeyFindingFactory(report=new, text="A new finding.")

    assert texts(lead(home_html(client)), "ol.findings li") == ["A new finding."]


# -- the latest statements --------------------------------------------------------------------
def test_the_three_latest_published_statements_show_with_their_links(client, home):
    for day in range(1, 6):
        StatementFactory(text=f"Said on day {day}", date_said=datetime.date(2026, 11, day))

    html = home_html(client)

    section = one(html, "section[aria-labelledby='home-statements-title']")
    assert text(section, "h2") == "Latest statements"
    assert texts(section, "blockquote") == ["“Said on day 5”", "“Said on day 4”", "“Said on day 3”"]
    assert ("Every statement on the quote desk", "/statements/") in links(section)


def test_a_draft_statement_never_shows(client, home):
    StatementFactory(text="Published words")
    StatementFactory(text="Draft words not yet approved", live=False)

    html = home_html(client)

    assert texts(html, ".home-statements blockquote") == ["“Published words”"]
    assert "Draft words" not in text(html)


def test_no_statements_no_section(client, home):
    assert select(home_html(client), ".home-statements") == []


# -- the open call to action ------------------------------------------------------------------
def test_the_open_call_to_action_shows_with_its_progress_and_a_way_to_sign(client, home):
    action = CallToActionFactory(title="Let LGBTI groups work", goal=100)
    SignatureFactory(call_to_action=action, confirmed=True)

    section = one(home_html(client), ".home-action")

    assert text(section, "h2") == "Take action"
    assert text(section, "h3") == "Let LGBTI groups work"
    # Beside the report's findings: the count, never the campaign's goal (issue 17, item 8).
    assert text(section, ".progress__label") == "1 person has signed"
    assert (
        "Sign the petition: Let LGBTI groups work",
        action.get_absolute_url(),
    ) in links(section)


def test_draft_scheduled_and_closed_calls_to_action_never_show(client, home):
    CallToActionFactory(title="A draft petition", live=False)
    CallToActionFactory(title="A petition that opens next week", scheduled=True)
    CallToActionFactory(title="A closed petition", closed=True)
    CallToActionFactory(
        title="A petition past its closing date",
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )

    html = home_html(client)

    assert select(html, ".home-action") == []
    assert "petition" not in text(html).lower()


def test_the_newest_open_call_to_action_is_the_one_shown(client, home):
    CallToActionFactory(title="The older petition")
    CallToActionFactory(title="The newer petition")

    assert texts(home_html(client), ".home-action h3") == ["The newer petition"]
