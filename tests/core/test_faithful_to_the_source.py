"""Issue 17: every claim the demo site makes can be traced to the seed press release, word for
word where it says so.

The demo is loaded once for the class; each numbered item of the issue has its test, on the
page a reader sees and, where the fault came from a model default or a template, on the code.
"""

import importlib
import os
from pathlib import Path

import pytest

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import TestCase
from django.utils.html import strip_tags

from advocacy.actions.models import CallToAction
from advocacy.core.seed import SEED_FILE
from advocacy.core.sourcing import normalised, quoted_in
from advocacy.people.models import Person
from advocacy.statements.models import Statement
from countries.facts import ALLOWED_STATUSES, LIMITING_WORDS, TONES, Status, Topic
from countries.models import CountryFact, CountryPage, TimelineEvent
from reports.demo import DRAWN_FROM_RELEASE
from reports.models import KeyFinding, Recommendation, ReportChapterPage
from tests.html import one, select, text, texts

SEED = SEED_FILE.read_text(encoding="utf-8")
RELEASE = normalised(SEED)
CODES = ["AM", "BY", "KZ", "KG"]  # the table's columns are in title order: AM, BY, KZ, KG


def shared_seed():
    """The brief's copy of the seed (``../shared/seeds/``, or the workplace's shared folder
    when this checkout is a clone elsewhere, as CI's is), if there is one."""
    here = Path(settings.BASE_DIR)
    for base in (here.parent, here.parent.parent, Path("/work")):
        candidate = base / "shared" / "seeds" / SEED_FILE.name
        if candidate.exists():
            return candidate
    return None


def test_the_seed_in_the_code_is_the_shared_seed():
    shared = shared_seed()
    if shared is None:
        # A contributor's checkout may have no brief beside it; CI always does, and a check
        # skipped there would be a hole.
        assert os.environ.get("CI") != "true", "the shared seed is missing"
        pytest.skip("no ../shared/seeds/ beside this checkout")
    assert shared.read_text(encoding="utf-8") == SEED


def test_normalising_makes_whitespace_and_quotation_marks_plain():
    assert (
        normalised("“western\n values”  and ‘less equal’") == "\"western values\" and 'less equal'"
    )
    assert quoted_in("are ‘western values’ that", SEED)
    assert not quoted_in("are western values that", SEED)
    assert not quoted_in("", SEED)


# The demo is also translated into Russian: the checks below read the English original.
ENGLISH = {"locale__language_code": "en"}
RUSSIAN = {"locale__language_code": "ru"}


class DemoIsFaithfulTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0)

    def page(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, url
        return response

    def table(self):
        """{topic label: [cell text for AM, BY, KZ, KG]} of the comparison on /countries/."""
        html = self.page("/countries/")
        rows = {}
        for row in select(html, "table.comparison tbody tr"):
            cells = row.select("td")
            rows[text(row, "th")] = [
                " ".join(cell.select_one(".status").get_text().split()) for cell in cells
            ]
        return html, rows

    # -- what every fact rests on ------------------------------------------------------
    def test_every_excerpt_is_the_release_word_for_word(self):
        rows = [
            *CountryFact.objects.all(),
            *TimelineEvent.objects.all(),
            *KeyFinding.objects.all(),
            *Recommendation.objects.all(),
        ]
        english = [row for row in rows if row.locale.language_code == "en"]
        assert len(english) == 20 + 5 + 6 + 2
        # The Russian rows keep the source's own words too (they are never translated).
        for row in rows:
            if getattr(row, "status", None) == Status.NOT_STATED:
                assert row.source_excerpt == ""
                continue
            assert row.source_excerpt, row
            assert quoted_in(row.source_excerpt, SEED), row.source_excerpt

    def test_no_fact_says_more_than_its_excerpt(self):
        for fact in CountryFact.objects.select_related("country"):
            words = normalised(fact.source_excerpt).casefold()
            with self.subTest(country=fact.country.title, topic=fact.topic):
                if any(word in words for word in LIMITING_WORDS):
                    assert TONES[Status(fact.status)] != "good"
                if fact.status == Status.REGISTERED:
                    assert "a small number" in words
                if fact.status == Status.REGIONAL:
                    assert "each of the former soviet republics" in words
                if fact.status == Status.INFORMAL:
                    assert "only activists and informal groups are active" in words
                if fact.year:
                    assert str(fact.year) in words
                fact.full_clean(exclude=["country"])  # what the admin would accept

    def test_each_fact_and_timeline_entry_opens_its_excerpt_on_the_page(self):
        html = self.page("/countries/armenia/")
        excerpts = texts(html, ".facts details.excerpt blockquote")
        assert len(excerpts) == 5
        assert any("a small number of NGOs" in words for words in excerpts)
        assert texts(html, ".facts details.excerpt summary")[0] == "The source's words"
        timeline = texts(html, ".timeline details.excerpt blockquote")
        assert any("who sadly died of a heart attack in August 2016" in w for w in timeline)
        table_html, _rows = self.table()
        # Every cell but the two the release says nothing of (Belarus's and Kazakhstan's
        # constitutions).
        assert len(select(table_html, "table.comparison td details.excerpt")) == 18

    def test_findings_and_recommendations_open_their_excerpts(self):
        html = self.page("/less-equal/")
        findings = one(html, 'section[aria-labelledby="findings-title"]')
        assert len(select(findings, "li details.excerpt")) == 6
        recommendations = one(html, 'section[aria-labelledby="recommendations-title"]')
        items = [
            " ".join(li.find(string=True, recursive=False).split())
            for li in select(recommendations, "li")
        ]
        assert items == [
            "State authorities in Armenia, Belarus, Kazakhstan and Kyrgyzstan must ensure that"
            " LGBTI groups can carry out their human rights work in safety and without any"
            " discrimination.",
            "Amnesty International calls on human rights groups across the region to work"
            " alongside LGBTI rights organizations, united by the principle of the universality"
            " of human rights.",
        ]
        whole = self.page("/less-equal/all/")
        assert len(select(whole, "#recommendations li details.excerpt")) == 2

    def test_the_api_gives_each_claim_with_its_excerpt(self):
        report = self.page(
            "/api/v2/pages/?type=reports.ReportPage&fields=recommendations,key_findings"
        )
        item = report.json()["items"][0]
        assert item["recommendations"][1]["source_excerpt"].startswith(
            "Amnesty International calls on"
        )
        assert all(finding["source_excerpt"] for finding in item["key_findings"])
        armenia = CountryPage.objects.get(iso_code="AM", **ENGLISH)
        country = self.page(f"/api/v2/pages/{armenia.pk}/").json()
        assert {fact["topic"]: fact["status"] for fact in country["facts"]}["pride"] == "regional"
        assert all(fact["last_checked"] is None for fact in country["facts"])
        assert all(event["source_excerpt"] for event in country["events"])

    # -- 1. the comparison table ---------------------------------------------------------
    def test_1_the_table_says_no_more_than_the_release(self):
        html, rows = self.table()

        organisations = rows["LGBTI organisations"]
        for cell in (organisations[0], organisations[3]):  # Armenia, Kyrgyzstan
            assert "A small number of NGOs are registered" in cell
            assert "✓" not in cell
        assert (
            organisations[1]
            == organisations[2]
            == "✕ Only activists and informal groups are active"
        )
        pride = rows["Pride and public events"]
        assert pride[:3] == ["≈ Stated for the region as a whole"] * 3
        assert pride[3] == "✕ Attacked"
        police = rows["Police response to hate crimes"]
        assert police == ["≈ Stated for the region as a whole"] * 4
        notes = texts(html, "table.comparison .comparison__note")
        assert sum("effectively" in note for note in notes) == 4
        assert "protective" not in text(html, "table.comparison tbody")
        assert "✓" not in text(html, "table.comparison tbody")
        # The label a country-specific police finding would take keeps "effectively".
        assert Status.INADEQUATE.label == "Often fails to prevent and investigate effectively"
        assert TONES[Status.REGISTERED] == "mixed"

    # -- 2. "not stated in the source", and the editor's name for it ---------------------
    def test_2_not_stated_in_the_source_not_the_report(self):
        html = self.page("/countries/belarus/")
        marriage = one(html, ".facts__item:nth-child(2)")
        assert "Not stated in the press release" in text(marriage)
        for url in ("/countries/", "/countries/belarus/", "/countries/kazakhstan/"):
            assert "in the report" not in text(self.page(url), "main").replace("In the report", "")
        assert Status.NOT_STATED.label == "Not stated in the source"
        fact = CountryFact(topic=Topic.PRIDE, status=Status.NOT_STATED)
        assert fact.status_text == "Not stated in the source"
        fact.source_name = "chapter 2"
        assert fact.status_text == "Not stated in chapter 2"

    # -- 3. no "checked" date unless an editor set one ----------------------------------
    def test_3_no_checked_date_unless_an_editor_set_one(self):
        assert not CountryFact.objects.filter(last_checked__isnull=False).exists()
        html = self.page("/countries/armenia/")
        assert "checked" not in text(html, ".facts").casefold()
        assert not select(html, ".facts time")
        assert CountryFact._meta.get_field("last_checked").get_default() is None

        page = CountryPage.objects.get(iso_code="AM", **ENGLISH)
        fact = page.facts.get(topic=Topic.MARRIAGE_BAN)
        fact.last_checked = "2026-03-03"  # an editor checked it that day
        fact.save()
        page.save_revision().publish()
        html = self.page("/countries/armenia/")
        assert "Source: the press release · checked 3 March 2026" in text(html, ".facts")

    # -- 4. chapter 4 and the provenance note --------------------------------------------
    def test_4_chapter_four_keeps_the_release_s_calls_on(self):
        html = self.page("/less-equal/recommendations/")
        standfirst = text(html, ".standfirst")
        assert "calls on human rights groups" in standfirst
        assert "must work alongside" not in text(html, "main")
        assert quoted_in(standfirst.rstrip("."), SEED)

    def test_4_the_provenance_note_is_true_wherever_it_stands(self):
        note = normalised(strip_tags(DRAWN_FROM_RELEASE))
        chapters = ReportChapterPage.objects.live().order_by("path")
        with_note = 0
        for chapter in chapters:
            body = chapter.body
            if not any(
                b.block_type == "paragraph" and normalised(strip_tags(str(b.value))) == note
                for b in body
            ):
                continue
            with_note += 1
            words = [chapter.standfirst.rstrip(".")]
            for block in body:
                if block.block_type == "paragraph":
                    paragraph = normalised(strip_tags(str(block.value)))
                    # A footnote's marker ("[1]") is the site's, not the release's.
                    paragraph = paragraph.replace(" [1]", "")
                    if paragraph != note:
                        words.append(paragraph)
                elif block.block_type == "pull_quote":
                    words.append(block.value.text)
                elif block.block_type == "testimony":
                    words.append(block.value["words"])
            for passage in words:
                with self.subTest(chapter=chapter.slug, words=passage[:40]):
                    assert quoted_in(passage, SEED)
        assert with_note == 4
        assert "the headings and the figures' labels are ours" in note

    # -- 5. "name withheld", with the source's reason only -------------------------------
    def test_5_name_withheld_gives_no_reason_the_source_does_not_give(self):
        pages = [
            "/less-equal/crackdown-on-lgbti-rights/",
            "/less-equal/marginalised-by-the-human-rights-community/",
            "/countries/belarus/",
            "/statements/",
        ]
        for statement in Statement.objects.filter(speaker__isnull=True, **ENGLISH):
            pages.append(statement.get_absolute_url())
        for url in pages:
            with self.subTest(url=url):
                html = self.page(url)
                assert "for their safety" not in text(html)
                assert "(name withheld)" in texts(html, ".quote__note")
        statement = Statement.objects.get(text="the personal risks were too great.")
        statement.anonymity_reason = "at their request"
        statement.save_revision().publish()
        html = self.page(statement.get_absolute_url())
        assert text(html, ".quote__note") == "(name withheld: at their request)"

    # -- 6. the testimonies' language is not stated --------------------------------------
    def test_6_a_testimony_s_language_is_not_stated(self):
        for statement in Statement.objects.filter(speaker__isnull=True, **ENGLISH):
            assert statement.language == ""
            html = self.page(statement.get_absolute_url())
            assert "Not stated in the source" in texts(html, ".statement__meta dd")
            assert not one(html, "figure.quote").has_attr("lang")
        assert Statement._meta.get_field("language").get_default() == ""
        named = Statement.objects.filter(speaker__isnull=False, **ENGLISH).first()
        assert "English" in texts(self.page(named.get_absolute_url()), ".statement__meta dd")

    # -- 7. interview availability only when entered -------------------------------------
    def test_7_the_press_page_says_nothing_of_interviews_unless_told(self):
        html = self.page("/press/")
        people = one(html, 'section[aria-labelledby="spokespeople-title"]')
        assert "Denis Krivosheev" in text(people)
        assert "interview" not in text(people).casefold()
        assert not Person.objects.get(name="Denis Krivosheev", **ENGLISH).languages.exists()

    # -- 8. the campaign's goals ---------------------------------------------------------
    def test_8_goals_are_the_campaign_s_own_and_never_beside_report_facts(self):
        petition = CallToAction.objects.get(goal=1000, **ENGLISH)
        html = self.page(petition.get_absolute_url())
        assert "The goal is the campaign’s own target, not a figure from the report." in text(html)
        for url in ("/", "/countries/armenia/", "/less-equal/", "/less-equal/recommendations/"):
            with self.subTest(url=url):
                page = text(self.page(url))
                assert "goal" not in page.casefold()
                assert "1,000" not in page and "1000" not in page


# -- the admin: statuses that cannot say more than the excerpt ----------------------------
@pytest.mark.parametrize("topic", list(Topic))
def test_every_topic_offers_mixed_limited_and_the_region_as_a_whole(topic):
    allowed = ALLOWED_STATUSES[topic]
    assert Status.LIMITED in allowed and Status.REGIONAL in allowed
    assert Status.NOT_STATED in allowed
    assert Status.LIMITED.label == "Mixed / limited"
    assert Status.REGIONAL.label == "Stated for the region as a whole"


def test_a_protective_status_over_limiting_words_is_refused_with_the_reason():
    fact = CountryFact(
        topic=Topic.PRIDE,
        status=Status.HELD,
        source_excerpt="With few exceptions, gay pride marches are consistently forbidden",
    )
    with pytest.raises(ValidationError) as refused:
        fact.clean()
    message = refused.value.message_dict["status"][0]
    assert "“forbidden”: that is not protective" in message
    assert "Mixed / limited" in message and "Stated for the region as a whole" in message


def test_a_status_needs_the_words_it_rests_on():
    fact = CountryFact(topic=Topic.POLICE, status=Status.REGIONAL, source_excerpt="  ")
    with pytest.raises(ValidationError) as refused:
        fact.clean()
    assert "Copy the source's exact words" in refused.value.message_dict["source_excerpt"][0]
    CountryFact(topic=Topic.POLICE, status=Status.NOT_STATED).clean()  # nothing to quote


# -- the migrations ----------------------------------------------------------------------
@pytest.mark.django_db
def test_the_migration_clears_only_the_dates_nobody_typed(home):
    from django.apps import apps

    from countries.factories import CountryFactFactory, CountryIndexPageFactory, CountryPageFactory

    migration = importlib.import_module("countries.migrations.0006_facts_carry_source_excerpts")
    index = CountryIndexPageFactory(parent=home)
    page = CountryPageFactory(parent=index, title="Armenia", iso_code="AM")
    revision = page.save_revision()
    revision.publish()
    saved_on = revision.created_at.date()
    default = CountryFactFactory(
        country=page,
        source=index,
        topic=Topic.MARRIAGE_BAN,
        status=Status.YES,
        year=2015,
        last_checked=saved_on,
    )
    typed = CountryFactFactory(
        country=page, source=index, topic=Topic.PROPAGANDA_LAW, last_checked="2020-01-02"
    )
    latest = page.save_revision()  # its content holds both facts with their dates
    page.refresh_from_db()

    migration.clear_default_dates(apps, None)

    default.refresh_from_db()
    typed.refresh_from_db()
    assert default.last_checked is None
    assert str(typed.last_checked) == "2020-01-02"
    latest.refresh_from_db()
    dates = {f["topic"]: f["last_checked"] for f in latest.content["facts"]}
    assert dates == {"marriage_ban": None, "propaganda_law": "2020-01-02"}


@pytest.mark.django_db
def test_the_migration_makes_an_anonymous_source_s_english_not_stated(home):
    from django.apps import apps

    from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory

    migration = importlib.import_module(
        "advocacy.statements.migrations.0010_language_may_be_not_stated_and_reason_for_anonymity"
    )
    anonymous = AnonymousStatementFactory(language="en")
    anonymous.save_revision()
    named = StatementFactory(language="en")

    migration.anonymous_not_stated(apps, None)

    anonymous.refresh_from_db()
    named.refresh_from_db()
    assert anonymous.language == ""
    assert anonymous.latest_revision.content["language"] == ""
    assert named.language == "en"


def test_the_migration_splits_recommendations_into_items():
    migration = importlib.import_module(
        "reports.migrations.0013_findings_and_recommendations_carry_source_excerpts"
    )
    assert migration.items_of(
        "<ul><li>Let groups work in <b>safety</b>.</li><li>Work &amp; stand alongside.</li></ul>"
    ) == ["Let groups work in safety.", "Work & stand alongside."]
    assert migration.items_of("<p>One.</p><p>Two.</p>") == ["One.", "Two."]
    assert migration.items_of("") == []


def test_no_page_type_is_left_with_the_old_wording():
    """The templates and labels no longer carry the words the issue found."""
    root = Path(settings.BASE_DIR) / "templates"
    found = [
        path
        for path in root.rglob("*.html")
        for words in ("name withheld for their safety", "Spokespeople available for interview")
        if words in path.read_text(encoding="utf-8")
    ]
    assert found == []


class AnOldDemoDatabaseMigratesTests(TestCase):
    """A site loaded before issue 17 (the loader then leaves its pages alone) ends, after the
    migrations, with the facts, chapters and recommendations a fresh demo has."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0)
        # Such a site had no Russian translation: only the English demo is compared.
        from wagtail.models import Page

        for root in Page.objects.filter(locale__language_code="ru", depth=2):
            root.delete()
        for model in (Statement, CallToAction, Person):
            model.objects.filter(**RUSSIAN).delete()

    def snapshot(self):
        return {
            "facts": sorted(
                CountryFact.objects.values_list(
                    "country__iso_code", "topic", "status", "note", "source_excerpt"
                )
            ),
            "events": sorted(TimelineEvent.objects.values_list("description", "source_excerpt")),
            "standfirsts": list(
                ReportChapterPage.objects.order_by("path").values_list("standfirst", flat=True)
            ),
            "bodies": [
                str(c.body.raw_data[0]["value"]) for c in ReportChapterPage.objects.order_by("path")
            ],
            "recommendations": list(
                Recommendation.objects.order_by("sort_order", "pk").values_list(
                    "text", "source_excerpt"
                )
            ),
            "findings": list(
                KeyFinding.objects.order_by("sort_order", "pk").values_list(
                    "source_excerpt", flat=True
                )
            ),
        }

    def age(self, countries, reports):
        """Put back what the old loader wrote: old statuses, notes and words, no excerpts."""
        old = {new[:2]: key for key, new in countries.FACTS.items()}
        for fact in CountryFact.objects.all():
            _topic, status, note = old[(fact.status, fact.note)]
            CountryFact.objects.filter(pk=fact.pk).update(
                status=status, note=note, source_excerpt="", source_name=""
            )
        TimelineEvent.objects.update(source_excerpt="", source_name="")
        chapter = ReportChapterPage.objects.get(slug="recommendations")
        ReportChapterPage.objects.filter(pk=chapter.pk).update(standfirst=reports.OLD_STANDFIRST)
        for chapter in ReportChapterPage.objects.all():
            raw = list(chapter.body.raw_data)
            raw[0]["value"] = reports.OLD_NOTE
            chapter.body = raw
            chapter.save()
        old_texts = list(reports.RECOMMENDATIONS)
        for row, words in zip(
            Recommendation.objects.order_by("sort_order", "pk"), old_texts, strict=True
        ):
            Recommendation.objects.filter(pk=row.pk).update(
                text=words, source_excerpt="", source_name=""
            )
        for row, words in zip(
            KeyFinding.objects.order_by("sort_order", "pk"), reports.FINDINGS, strict=True
        ):
            KeyFinding.objects.filter(pk=row.pk).update(
                text=words, source_excerpt="", source_name=""
            )

    def test_the_old_demo_ends_as_the_new_one(self):
        from django.apps import apps

        countries = importlib.import_module(
            "countries.migrations.0008_demo_facts_carry_the_release_s_words"
        )
        reports = importlib.import_module(
            "reports.migrations.0015_demo_chapters_and_recommendations_in_the_release_s_words"
        )
        fresh = self.snapshot()
        self.age(countries, reports)
        assert self.snapshot() != fresh

        countries.forwards(apps, None)
        reports.forwards(apps, None)

        assert self.snapshot() == fresh
        html = self.client.get("/less-equal/recommendations/")
        assert "calls on human rights groups" in text(html, ".standfirst")


def test_a_testimony_block_gives_a_reason_only_when_an_editor_entered_one():
    from advocacy.core.blocks import TestimonyBlock

    block = TestimonyBlock()
    value = {"words": "No one listens.", "source_description": "an activist", "country": ""}

    assert "(name withheld)" in block.render(block.to_python(value))
    with_reason = block.to_python({**value, "anonymity_reason": "at their request"})
    assert "(name withheld: at their request)" in block.render(with_reason)
