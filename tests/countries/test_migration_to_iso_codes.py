"""The migrations that make the ISO code the one country key, run for real: migrate back to
the old schema, build the rows as they were, migrate forward, check nothing was lost.

Old schema: statements link to country pages (many-to-many), a report's "countries
covered" link to country pages, chapters and testimonies carry no country tags.
"""

import json

import pytest

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Locale, Page, Revision

from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory
from advocacy.statements.models import Statement
from countries.dossier import CountryDossier
from countries.factories import CountryIndexPageFactory, CountryPageFactory
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportChapterPage, ReportCountry, ReportPage

pytestmark = pytest.mark.django_db(transaction=True)

OLD = [
    ("statements", "0003_statement_countries_iso"),
    ("reports", "0007_country_tags_on_chapters_and_testimonies"),
]


def migrate(targets=None):
    """Migrate to ``targets`` (the latest state when None); returns that state's apps."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def root_page(transactional_db):
    """The tree's root (a database emptied by an earlier transactional test lacks it)."""
    Locale.objects.get_or_create(language_code="en")
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


@pytest.fixture
def old_schema():
    """Call to go back to the old schema (returns its apps); the test ends on the latest."""
    yield lambda: migrate(OLD)
    migrate()


def untag(apps):
    """What the old schema held: no chapter or testimony tags, no codes beside the links."""
    Chapter = apps.get_model("reports", "ReportChapterPage")
    for chapter in Chapter.objects.all():
        raw = [strip_testimony_country(block) for block in chapter.body.raw_data]
        Chapter.objects.filter(pk=chapter.pk).update(countries="", body=json.dumps(raw))
    for revision in Revision.objects.filter(content_type__model="reportchapterpage"):
        raw = [strip_testimony_country(b) for b in json.loads(revision.content["body"])]
        revision.content["body"] = json.dumps(raw)
        revision.content.pop("countries", None)
        revision.save(update_fields=["content"])
    apps.get_model("reports", "ReportCountry").objects.update(country_code="")
    apps.get_model("statements", "Statement").objects.update(countries_iso="")


def strip_testimony_country(block):
    if block["type"] == "testimony":
        block["value"].pop("country", None)
    return block


def snapshot():
    """What readers see of each country, and every tag, as plain values."""
    english = Locale.objects.get(language_code="en")
    dossiers = {code: CountryDossier(code, english) for code in ("AM", "BY", "KZ", "KG")}
    return {
        "statements": {s.text: [c.code for c in s.countries] for s in Statement.objects.all()},
        "coverage": {
            r.slug: [row.country.code for row in r.countries.all()]
            for r in ReportPage.objects.all()
        },
        "chapters": {
            c.slug: [x.code for x in c.countries] for c in ReportChapterPage.objects.all()
        },
        "testimonies": sorted(
            (b.value["words"], b.value["country"] or "")
            for c in ReportChapterPage.objects.all()
            for b in c.body
            if b.block_type == "testimony"
        ),
        "dossiers": {
            code: (
                [c.slug for c in d.chapters],
                [s.text for s in d.statements],
                [t["value"]["words"] for t in d.testimonies],
            )
            for code, d in dossiers.items()
        },
    }


def test_the_demo_content_converts_to_the_tags_it_is_built_with(old_schema, monkeypatch):
    # The demo as it was when these migrations ran: English only (going back to the old
    # schema drops every row's locale, so a translation would come back as English).
    monkeypatch.setattr("advocacy.core.demo.demo_strings", lambda: {})
    call_command("load_demo_content", verbosity=0)
    built = snapshot()
    assert built["dossiers"]["BY"][0] == [
        "introduction",
        "crackdown-on-lgbti-rights",
        "recommendations",
    ]

    untag(old_schema())  # the demo as it stood before: links to pages, no tags
    migrate()

    assert snapshot() == built


@pytest.fixture
def site_with_extra_rows(home):
    """Country pages in two languages, one country without statements, a statement about
    several countries, and a draft of a chapter that says more than its live version."""
    index = CountryIndexPageFactory(parent=home)
    pages = {
        code: CountryPageFactory(parent=index, title=title, iso_code=code)
        for code, title in (
            ("AM", "Armenia"),
            ("BY", "Belarus"),
            ("KG", "Kyrgyzstan"),
            ("KZ", "Kazakhstan"),
        )
    }
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    home.copy_for_translation(russian).save_revision().publish()
    index.copy_for_translation(russian).save_revision().publish()
    pages["BY-ru"] = pages["BY"].copy_for_translation(russian)
    pages["BY-ru"].title = "Беларусь"
    pages["BY-ru"].save_revision().publish()
    report = ReportPageFactory(parent=home, slug="less-equal")
    report.save_revision().publish()
    report.refresh_from_db()
    chapter = ReportChapterPageFactory(
        parent=report,
        slug="crackdown",
        standfirst="Belarus and Kyrgyzstan.",
        body=[
            ("paragraph", "<p>What happened.</p>"),
            ("testimony", {"words": "Alone", "source_description": "an activist in Belarus"}),
            (
                "testimony",
                {"words": "Both", "source_description": "activists in Kyrgyzstan and Belarus"},
            ),
            ("testimony", {"words": "Said twice", "source_description": "someone in Belarus"}),
        ],
    )
    draft = chapter.get_latest_revision_as_object()
    draft.standfirst = "Belarus, Kyrgyzstan and now Armenia."
    draft.save_revision()  # not published: the live chapter does not mention Armenia
    ReportChapterPageFactory(parent=report, slug="elsewhere", standfirst="Nothing named.")
    several = StatementFactory(text="About several")
    AnonymousStatementFactory(text="Said twice")
    StatementFactory(text="About nowhere")
    return pages, report, several


def test_extra_rows_convert_without_loss_and_back(old_schema, site_with_extra_rows):
    pages, report, several = site_with_extra_rows
    old = old_schema()
    Through = old.get_model("statements", "Statement")._meta.get_field("countries")
    Through = Through.remote_field.through
    Through.objects.all().delete()
    links = {
        "About several": ["BY", "BY-ru", "KG"],  # both languages' Belarus: one code
        "Said twice": ["BY"],
    }
    for text, keys in links.items():
        statement = Statement.objects.only("pk").get(text=text)
        Through.objects.bulk_create(
            Through(statement_id=statement.pk, countrypage_id=pages[key].pk) for key in keys
        )
    revision = Revision.objects.get(pk=several.latest_revision_id)
    revision.content["countries"] = [pages["BY"].pk, pages["BY-ru"].pk, pages["KG"].pk]
    revision.save()
    OldReportCountry = old.get_model("reports", "ReportCountry")
    for order, key in enumerate(["KG", "BY", "AM"]):
        OldReportCountry.objects.create(
            report_id=report.pk, country_id=pages[key].pk, sort_order=order
        )
    report_revision = Revision.objects.get(pk=report.latest_revision_id)
    report_revision.content["countries"] = [
        {"pk": None, "sort_order": 0, "report": report.pk, "country": pages["BY-ru"].pk}
    ]
    report_revision.save()
    untag(old)

    migrate()

    assert {s.text: [c.code for c in s.countries] for s in Statement.objects.all()} == {
        "About several": ["BY", "KG"],
        "Said twice": ["BY"],
        "About nowhere": [],
    }
    old_revision = Revision.objects.get(pk=several.latest_revision_id).as_object()
    assert [c.code for c in old_revision.countries] == ["BY", "KG"]
    assert [row.country.code for row in ReportCountry.objects.order_by("sort_order")] == [
        "KG",
        "BY",
        "AM",
    ]
    report_then = Revision.objects.get(pk=report.latest_revision_id).as_object()
    assert [row.country.code for row in report_then.countries.all()] == ["BY"]
    chapter = ReportChapterPage.objects.get(slug="crackdown")
    assert [c.code for c in chapter.countries] == ["BY", "KG"]
    assert [c.code for c in chapter.get_latest_revision_as_object().countries] == [
        "AM",
        "BY",
        "KG",
    ]
    assert [
        (b.value["words"], b.value["country"] or "")
        for b in chapter.body
        if b.block_type == "testimony"
    ] == [("Alone", "BY"), ("Both", "KG"), ("Said twice", "")]  # first named; stated elsewhere
    assert [c.countries for c in ReportChapterPage.objects.filter(slug="elsewhere")] == [[]]
    english, russian = (
        Locale.objects.get(language_code="en"),
        Locale.objects.get(language_code="ru"),
    )
    belarus = CountryDossier("BY", english)
    assert [c.slug for c in belarus.chapters] == ["crackdown"]
    # The same statements serve the Russian page: newest first, the later one first.
    assert [s.text for s in CountryDossier("BY", russian).statements] == [
        "Said twice",
        "About several",
    ]
    kazakhstan = CountryDossier("KZ", english)
    assert (kazakhstan.chapters, kazakhstan.statements, kazakhstan.testimonies) == ([], [], [])

    # And back: each code links to that country's page in the default language.
    old = migrate(OLD)
    Through = old.get_model("statements", "Statement")._meta.get_field("countries")
    linked = Through.remote_field.through.objects.filter(statement_id=several.pk)
    assert sorted(linked.values_list("countrypage_id", flat=True)) == sorted(
        [pages["BY"].pk, pages["KG"].pk]
    )
    assert sorted(
        old.get_model("reports", "ReportCountry").objects.values_list("country_id", flat=True)
    ) == sorted([pages["KG"].pk, pages["BY"].pk, pages["AM"].pk])
    assert sorted(Revision.objects.get(pk=several.latest_revision_id).content["countries"]) == (
        sorted([pages["BY"].pk, pages["KG"].pk])
    )
