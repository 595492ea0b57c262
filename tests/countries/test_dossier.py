"""The country dossier: what the site has published about a country, by (code, locale),
from explicit tags only."""

import pytest

from django.utils import translation

from wagtail.models import Locale

from advocacy.actions.factories import CallToActionFactory, PledgeFactory, ShareBoxFactory
from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory
from countries.dossier import CountryDossier
from countries.factories import TimelineEventFactory
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportCountry

pytestmark = pytest.mark.django_db


def tagged_testimony(words, country=""):
    return ("testimony", {"words": words, "source_description": "an activist", "country": country})


def covering(report, *codes):
    report.countries = [ReportCountry(country=code) for code in codes]
    report.save_revision().publish()
    return report


def english(code):
    return CountryDossier(code, Locale.objects.get(language_code="en"))


@pytest.fixture
def report(home):
    return covering(ReportPageFactory(parent=home, slug="less-equal"), "BY", "AM")


def test_chapters_are_the_public_tagged_chapters_of_public_reports_covering_the_country(
    home, report
):
    first = ReportChapterPageFactory(parent=report, title="First", countries=["BY", "AM"])
    ReportChapterPageFactory(parent=report, title="Untagged, names Belarus", countries=[])
    draft = ReportChapterPageFactory(parent=report, title="Draft", countries=["BY"])
    draft.unpublish()
    last = ReportChapterPageFactory(parent=report, title="Last", countries=["BY"])
    uncovering = ReportPageFactory(parent=home, slug="other")
    ReportChapterPageFactory(parent=uncovering, title="Other report", countries=["BY"])
    hidden = covering(ReportPageFactory(parent=home, slug="hidden"), "BY")
    ReportChapterPageFactory(parent=hidden, title="Hidden report", countries=["BY"])
    hidden.unpublish()

    assert [c.title for c in english("BY").chapters] == ["First", "Last"]
    assert [c.pk for c in english("AM").chapters] == [first.pk]
    assert english("KG").chapters == []
    assert last.pk in {c.pk for c in english("by").chapters}  # codes are upper-cased


def test_a_country_is_matched_by_its_code_never_by_words(report):
    ReportChapterPageFactory(
        parent=report,
        title="Armenian activists",
        countries=["BY"],
        body=[("paragraph", "<p>Armenian and Armenia, named often.</p>")],
    )

    assert english("AM").chapters == []
    assert [c.title for c in english("BY").chapters] == ["Armenian activists"]


def test_testimonies_are_the_blocks_tagged_with_the_country_in_its_chapters(report):
    chapter = ReportChapterPageFactory(
        parent=report,
        countries=["BY", "AM"],
        body=[
            tagged_testimony("Tagged Belarus", "BY"),
            tagged_testimony("Tagged Armenia", "AM"),
            tagged_testimony("Untagged, from Belarus"),
        ],
    )

    found = english("BY").testimonies

    assert [(t["value"]["words"], t["chapter"].pk) for t in found] == [
        ("Tagged Belarus", chapter.pk)
    ]


def test_statements_are_the_published_ones_with_the_code_in_any_language(home):
    newer = StatementFactory(text="Newer", countries=["BY", "KG"], date_said="2026-11-25")
    older = AnonymousStatementFactory(text="Older", countries=["BY"], date_said="2020-01-01")
    russian = StatementFactory(
        text="По-русски", language="ru", countries=["BY"], date_said="2023-05-01"
    )
    StatementFactory(text="Draft", countries=["BY"], live=False)
    StatementFactory(text="Elsewhere", countries=["AM"])

    assert [s.pk for s in english("BY").statements] == [newer.pk, russian.pk, older.pk]
    assert [s.text for s in english("KG").statements] == ["Newer"]


def test_calls_to_action_are_published_signable_and_opened_open_ones_first(home):
    closed = CallToActionFactory(title="Closed", countries=["BY"], closed=True)
    pledge = PledgeFactory(title="Pledge", countries=["BY", "AM"])
    CallToActionFactory(title="Not yet open", countries=["BY"], scheduled=True)
    CallToActionFactory(title="Draft", countries=["BY"], live=False)
    ShareBoxFactory(title="Share box", countries=["BY"])
    CallToActionFactory(title="Elsewhere", countries=["KG"])

    assert [a.pk for a in english("BY").calls_to_action] == [pledge.pk, closed.pk]


def test_timeline_is_the_country_pages_events_in_date_order(belarus):
    TimelineEventFactory(country=belarus, year=2016, description="Later")
    TimelineEventFactory(country=belarus, year=2015, month=5, description="Earlier")

    assert [e.description for e in english("BY").timeline] == ["Earlier", "Later"]
    assert english("BY").page.pk == belarus.pk
    assert english("KZ").page is None and english("KZ").timeline == []


def test_a_country_with_nothing_tagged_has_an_empty_dossier(home, report):
    dossier = english("KZ")

    assert (dossier.chapters, dossier.testimonies, dossier.statements) == ([], [], [])
    assert dossier.calls_to_action == []


def test_each_language_finds_its_own_page_and_reports(home, report, russian):
    ru = russian.locale
    ru_report = report.copy_for_translation(ru)
    ru_report.save_revision().publish()
    ReportChapterPageFactory(parent=ru_report, title="Глава", countries=["BY"])
    ReportChapterPageFactory(parent=report, title="Chapter", countries=["BY"])
    StatementFactory(text="Said once", countries=["BY"])

    in_russian = CountryDossier("BY", ru)

    assert in_russian.page.pk == russian.pk
    assert [c.title for c in in_russian.chapters] == ["Глава"]
    assert [c.title for c in english("BY").chapters] == ["Chapter"]
    assert [s.text for s in in_russian.statements] == ["Said once"]


def test_the_russian_country_page_shows_the_same_statements(client, russian):
    StatementFactory(text="The same words for every reader", countries=["BY"])

    with translation.override("ru"):
        html = client.get(russian.url).content.decode()

    assert russian.url == "/ru/countries/belarus/"
    assert "The same words for every reader" in html
