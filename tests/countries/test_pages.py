import datetime

import pytest

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advocacy.core.models import HomePage
from countries.factories import (
    CountryFactFactory,
    CountryIndexPageFactory,
    CountryPageFactory,
    TimelineEventFactory,
)
from countries.facts import Status, Topic
from countries.models import CountryIndexPage, CountryPage
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportCountry
from tests.html import hrefs, links, one, select, soup, text, texts
from tests.signin import SignedInClient
from tests.site_home import build_home

TODAY = datetime.date.today().isoformat()


def country_form(source_pk, **overrides):
    data = {
        "title": "Armenia",
        "slug": "armenia",
        "iso_code": "AM",
        "summary": "The situation in Armenia.",
        "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
        "facts": inline_formset(
            [
                {
                    "topic": "marriage_ban",
                    "status": "yes",
                    "year": "2015",
                    "note": "Constitution amended.",
                    "source_excerpt": "Elsewhere, Armenia and Kyrgyzstan amended their"
                    " Constitutions to explicitly preclude same-sex marriages in 2015 and 2016"
                    " respectively.",
                    "source_name": "",
                    "source": str(source_pk),
                    "last_checked": "",
                }
            ]
        ),
        "events": inline_formset(
            [
                {
                    "year": "2015",
                    "month": "",
                    "day": "",
                    "description": "Amendment.",
                    "source_excerpt": "",
                    "source_name": "",
                    "source": "",
                }
            ]
        ),
    }
    data.update(overrides)
    return nested_form_data(data)


class CountryPageRulesTests(WagtailPageTestCase):
    client_class = SignedInClient  # logins include the two-factor step

    @classmethod
    def setUpTestData(cls):
        cls.home = build_home()
        cls.index = CountryIndexPageFactory(parent=cls.home)
        cls.belarus = CountryPageFactory(parent=cls.index, title="Belarus", iso_code="BY")
        CountryFactFactory(country=cls.belarus, source=cls.index)

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(CountryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CountryIndexPage, {CountryPage})
        self.assertAllowedParentPageTypes(CountryPage, {CountryIndexPage})
        self.assertAllowedSubpageTypes(CountryPage, set())

    def test_pages_render_preview_and_edit(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(self.index)
        self.assertPageIsEditable(self.index)
        form = country_form(self.index.pk, title="Belarus", slug="belarus", iso_code="BY")
        self.assertPageIsRenderable(self.belarus)
        self.assertPageIsPreviewable(self.belarus, post_data=form)
        self.assertPageIsEditable(self.belarus, post_data=form)

    def test_editor_creates_a_country_with_facts_and_events(self):
        self.assertCanCreate(self.index, CountryPage, country_form(self.index.pk))
        armenia = CountryPage.objects.get(slug="armenia")
        assert armenia.facts.get().status == Status.YES
        assert armenia.events.get().year == 2015

    def post_country(self, **overrides):
        response = self.client.post(
            f"/admin/pages/add/countries/countrypage/{self.index.pk}/",
            country_form(self.index.pk, **overrides),
        )
        assert response.status_code == 200, "the form should be shown again with errors"
        assert not CountryPage.objects.filter(slug=overrides.get("slug", "armenia")).exists()
        return response

    def test_duplicate_iso_code_in_one_locale_is_refused_at_the_field(self):
        response = self.post_country(iso_code="BY", slug="belarus-2")

        form = response.context["form"]
        assert "“Belarus” already uses this country in this language" in str(
            form.errors["iso_code"]
        )
        assert one(response, 'input[name="slug"]')["value"] == "belarus-2"  # what was typed is kept

    def test_impossible_and_future_dates_are_refused_at_the_field(self):
        cases = [
            ({"year": "2015", "month": "2", "day": "31"}, "day", "February 2015 has no day 31"),
            ({"year": "3000", "month": "", "day": ""}, "year", "3000 is in the future"),
            ({"year": "2015", "month": "", "day": "12"}, "month", "Give the month too"),
        ]
        for event, field, message in cases:
            with self.subTest(event=event):
                events = inline_formset([{**event, "description": "Typed text.", "source": ""}])
                response = self.post_country(events=events)
                errors = response.context["form"].formsets["events"].errors[0]
                assert message in str(errors[field])
                assert "Typed text." in response.content.decode()

    def test_a_fact_needs_a_source_and_a_status_that_fits_its_topic(self):
        cases = [
            ({"topic": "pride", "status": "attacked", "source": ""}, "source", "required"),
            (
                {"topic": "marriage_ban", "status": "adopted", "source": str(self.index.pk)},
                "status",
                "choose one of: Yes, No",
            ),
            (
                {"topic": "pride", "status": "wrong", "source": str(self.index.pk)},
                "status",
                "not one of the available choices",
            ),
            (
                {
                    "topic": "police",
                    "status": "inadequate",
                    "year": "2016",
                    "source": str(self.index.pk),
                },
                "year",
                "Only laws",
            ),
        ]
        for fact, field, message in cases:
            with self.subTest(fact=fact):
                facts = inline_formset(
                    [
                        {
                            "year": "",
                            "note": "Typed note.",
                            "source_excerpt": "The source's words.",
                            "source_name": "",
                            "last_checked": TODAY,
                            **fact,
                        }
                    ]
                )
                response = self.post_country(facts=facts)
                errors = response.context["form"].formsets["facts"].errors[0]
                assert message in str(errors[field])

    def test_publishing_a_changed_fact_changes_the_page_and_the_table(self):
        fact = self.belarus.facts.get()
        self.client.post(
            f"/admin/pages/{self.belarus.pk}/edit/",
            country_form(
                self.index.pk,
                title="Belarus",
                slug="belarus",
                iso_code="BY",
                facts=inline_formset(
                    [
                        {
                            "id": str(fact.pk),
                            "topic": "propaganda_law",
                            "status": "proposed",
                            "year": "",
                            "note": "Now only proposed.",
                            "source_excerpt": "All four countries have attempted to introduce"
                            " homophobic “propaganda” laws, similar to the law in Russia.",
                            "source_name": "",
                            "source": str(self.index.pk),
                            "last_checked": TODAY,
                        }
                    ],
                    initial=1,
                ),
                **{"action-publish": "publish"},
            ),
        )
        self.client.logout()
        country_html = self.client.get("/countries/belarus/").content.decode()
        table_html = self.client.get("/countries/").content.decode()
        attempted = "Attempted, not adopted so far"
        assert attempted in country_html and "Now only proposed." in country_html
        assert "Adopted" not in table_html
        assert attempted in table_html


@pytest.mark.django_db
def test_a_country_code_may_repeat_in_another_language(country_index, belarus):
    from django.core.exceptions import ValidationError

    from wagtail.models import Locale

    russian = Locale.objects.create(language_code="ru")
    CountryPage(
        title="Беларусь", slug="belarus", iso_code="BY", summary="x", locale=russian
    ).clean()

    duplicate = CountryPage(title="Belarus again", slug="b2", iso_code="BY", summary="x")
    duplicate.locale = belarus.locale
    with pytest.raises(ValidationError) as error:
        duplicate.clean()
    assert "iso_code" in error.value.message_dict


@pytest.mark.django_db
def test_timeline_sorts_partial_dates_whatever_order_they_were_added(client, belarus):
    for year, month, day, description in [
        (2016, None, None, "Year only 2016"),
        (2015, 5, 25, "Full date 25 May 2015"),
        (2015, None, None, "Year only 2015"),
        (2015, 5, None, "Month May 2015"),
        (2014, 12, 31, "New Year's Eve 2014"),
    ]:
        TimelineEventFactory(
            country=belarus, year=year, month=month, day=day, description=description
        )

    html = client.get(belarus.url)

    order = [
        "New Year's Eve 2014",
        "Year only 2015",
        "Month May 2015",
        "Full date 25 May 2015",
        "Year only 2016",
    ]
    words = text(html)
    positions = [words.index(description) for description in order]
    assert positions == sorted(positions)
    dates = [(time["datetime"], text(time)) for time in select(html, "time.timeline__date")]
    assert ("2015-05", "May 2015") in dates
    assert ("2015-05-25", "25 May 2015") in dates


@pytest.mark.django_db
def test_country_page_lists_the_chapters_and_testimonies_tagged_with_it(
    client, home, belarus, kyrgyzstan
):
    report = ReportPageFactory(parent=home, slug="less-equal")
    tagged = ReportChapterPageFactory(
        parent=report,
        title="Crackdown",
        countries=["BY"],
        body=[
            ("paragraph", "<p>Only one country adopted the law.</p>"),
            (
                "testimony",
                {
                    "words": "The risks were too great.",
                    "source_description": "an activist",
                    "country": "BY",
                },
            ),
            (
                "testimony",
                {
                    "words": "Nobody stands with us.",
                    "source_description": "activists in Belarus",
                    "country": "",
                },
            ),
        ],
    )
    ReportChapterPageFactory(
        parent=report, title="Elsewhere", body=[("paragraph", "<p>Belarus, in passing.</p>")]
    )
    other_report = ReportPageFactory(parent=home, slug="other")
    ReportChapterPageFactory(parent=other_report, title="Uncovered", countries=["BY"])
    report.countries = [ReportCountry(country="BY"), ReportCountry(country="KG")]
    report.save_revision().publish()

    page = soup(client.get(belarus.url))
    kyrgyz = soup(client.get(kyrgyzstan.url))

    chapters = page.find(id="chapters-title").find_parent("section")
    assert links(chapters) == [("Crackdown", tagged.url)]
    voices = text(page.find(id="voices-title").find_parent("section"))
    assert "The risks were too great." in voices  # tagged, though its text names no country
    assert "Nobody stands with us." not in voices  # names Belarus, but is not tagged
    kyrgyz_text = text(kyrgyz)
    assert "No published chapter discusses this country yet." in kyrgyz_text
    assert "The risks were too great." not in kyrgyz_text
    report_page = soup(client.get(report.url))
    covered = report_page.find("h2", string="Countries covered").find_next("ul")
    assert links(covered) == [
        ("Belarus", belarus.url),
        ("Kyrgyzstan", kyrgyzstan.url),
    ]


@pytest.mark.django_db
def test_country_with_nothing_recorded_reads_well(client, belarus):
    html = client.get(belarus.url).content.decode()

    assert "No facts have been recorded for this country yet." in html
    assert "No dated events are recorded for this country yet." in html
    assert "No statements or testimonies about this country have been published yet." in html


@pytest.mark.django_db
def test_comparison_table_is_a_real_accessible_table(client, country_index, belarus, kyrgyzstan):
    CountryFactFactory(country=belarus, source=belarus)
    CountryFactFactory(
        country=kyrgyzstan, source=kyrgyzstan, topic=Topic.PRIDE, status=Status.ATTACKED, year=None
    )

    html = client.get(country_index.url)

    table = one(html, "table")
    assert one(table, "caption")
    assert texts(table, 'th[scope="col"]') == ["Fact", "Belarus", "Kyrgyzstan"]
    assert len(select(table, 'th[scope="row"]')) == len(Topic)
    assert len(select(table, "td")) == len(Topic) * 2
    # every status is an icon plus words, never colour alone
    statuses = [
        (status["class"], text(status, '.status__symbol[aria-hidden="true"]'), text(status))
        for status in select(table, "td > .status")
    ]
    assert (["status", "status--bad"], "✕", "✕ Adopted (2016)") in statuses
    assert any(symbol == "✕" and words == "✕ Attacked" for _, symbol, words in statuses)
    assert "Not recorded" in text(table)


@pytest.mark.django_db
def test_combined_timeline_filters_by_country_without_javascript(
    client, country_index, belarus, kyrgyzstan
):
    TimelineEventFactory(country=belarus, year=2016, description="Belarus adopts a law.")
    TimelineEventFactory(
        country=kyrgyzstan, year=2015, month=5, description="An attack in Kyrgyzstan."
    )

    everything = client.get(country_index.url).content.decode()
    only_kg = client.get(country_index.url, {"country": "kg"}).content.decode()
    junk = client.get(country_index.url, {"country": "<script>" * 1000}).content.decode()

    assert everything.index("An attack in Kyrgyzstan.") < everything.index("Belarus adopts a law.")
    assert "Kyrgyzstan" in texts(everything, ".timeline__country")
    assert "An attack in Kyrgyzstan." in only_kg and "Belarus adopts a law." not in only_kg
    assert hrefs(only_kg, 'nav.filter a[aria-current="true"]') == ["?country=KG#timeline-title"]
    # On the raw bytes: a parser would read unescaped markup as harmless elements.
    assert "Belarus adopts a law." in junk and "<script><script>" not in junk


@pytest.mark.django_db
def test_country_pages_query_counts_stay_flat(
    client, country_index, belarus, django_assert_max_num_queries
):
    from countries.factories import CountryPageFactory as Country

    for n in range(3):
        TimelineEventFactory(country=belarus, year=2000 + n)
    CountryFactFactory(country=belarus, source=belarus)
    counts = {}
    for label in ("small", "large"):
        for url in (country_index.url, belarus.url):
            client.get(url)
            with django_assert_max_num_queries(60) as captured:
                client.get(url)
            counts[(label, url)] = len(captured.captured_queries)
        for n in range(20):
            TimelineEventFactory(country=belarus, year=1950 + n)
        for code, name in (("AM", "Armenia"), ("KZ", "Kazakhstan")):
            if not CountryPage.objects.filter(iso_code=code).exists():
                country = Country(parent=country_index, title=name, iso_code=code)
                CountryFactFactory(country=country, source=country)
    for url in (country_index.url, belarus.url):
        assert counts[("large", url)] == counts[("small", url)], url


@pytest.mark.django_db
def test_quote_desk_links_a_country_to_its_page_in_the_readers_language(
    client, belarus, kyrgyzstan, russian, quote_desk
):
    from advocacy.statements.factories import StatementFactory

    quote_desk.copy_for_translation(russian.locale).save_revision().publish()
    StatementFactory(countries=["BY", "KG"])

    def desk_item(url):
        return select(client.get(url), ".desk__item")[0]

    def country_links(item):
        return [(label, href) for label, href in links(item) if "/countries/" in href]

    assert country_links(desk_item("/statements/")) == [
        ("Belarus", "/countries/belarus/"),
        ("Kyrgyzstan", "/countries/kyrgyzstan/"),
    ]
    in_russian = desk_item("/ru/statements/")
    assert country_links(in_russian) == [("Беларусь", "/ru/countries/belarus/")]
    # Kyrgyzstan has no Russian page yet: named in Russian, not linked.
    assert "Киргизия" in text(in_russian, ".meta")
