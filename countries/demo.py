"""Demo content for the four countries: only the facts the seed press release gives.

Where the release says nothing about a country (Kazakhstan's pride marches, say), the
fact is recorded as "not stated in the report" rather than guessed.
"""

from django.db import transaction

from advocacy.core.demo import add_child_once, publish
from advocacy.statements import demo as statements_demo
from advocacy.statements.models import Statement
from reports.models import ReportChapterPage, ReportCountry, ReportPage

from .facts import Status, Topic
from .models import CountryFact, CountryIndexPage, CountryPage, TimelineEvent

REGIONAL_PRIDE = (
    "The report says that, with few exceptions, pride marches in the region are forbidden or"
    " attacked; it gives no detail for this country."
)
POLICE = (
    "The report finds the police often fail to prevent and investigate hate crimes effectively."
)
ATTEMPTED = "Attempted to introduce a law similar to Russia’s; not adopted so far."

COUNTRIES = [
    {
        "code": "AM",
        "title": "Armenia",
        "summary": (
            "Armenia amended its Constitution to explicitly preclude same-sex marriages in"
            " 2015. A small number of NGOs that work on LGBTI rights are registered."
        ),
        "facts": [
            (Topic.PROPAGANDA_LAW, Status.PROPOSED, None, ATTEMPTED, "crackdown"),
            (Topic.MARRIAGE_BAN, Status.YES, 2015, "Constitution amended.", "crackdown"),
            (Topic.ORGANISATIONS, Status.REGISTERED, None, "A small number of NGOs.", "crackdown"),
            (Topic.PRIDE, Status.NOT_STATED, None, REGIONAL_PRIDE, "crackdown"),
            (Topic.POLICE, Status.INADEQUATE, None, POLICE, "crackdown"),
        ],
        "events": [
            (
                2015,
                None,
                "Armenia amends its Constitution to explicitly preclude same-sex marriages.",
                "crackdown",
            ),
            (
                2016,
                8,
                "Mikayel Danielyan, former Head of the Helsinki Association and one of the"
                " earliest advocates for LGBTI rights in Armenia, dies.",
                "marginalised",
            ),
        ],
    },
    {
        "code": "BY",
        "title": "Belarus",
        "summary": (
            "Belarus is the only one of the four countries to have adopted a homophobic"
            " “propaganda” law, a variation of the Russian law, in 2016. Only activists and"
            " informal groups are active."
        ),
        "facts": [
            (
                Topic.PROPAGANDA_LAW,
                Status.ADOPTED,
                2016,
                "A variation of the Russian law.",
                "crackdown",
            ),
            (Topic.MARRIAGE_BAN, Status.NOT_STATED, None, "", "crackdown"),
            (
                Topic.ORGANISATIONS,
                Status.INFORMAL,
                None,
                "Only activists and informal groups.",
                "crackdown",
            ),
            (Topic.PRIDE, Status.NOT_STATED, None, REGIONAL_PRIDE, "crackdown"),
            (Topic.POLICE, Status.INADEQUATE, None, POLICE, "crackdown"),
        ],
        "events": [
            (2016, None, "Belarus adopts a variation of Russia’s “propaganda” law.", "crackdown"),
        ],
    },
    {
        "code": "KZ",
        "title": "Kazakhstan",
        "summary": (
            "Kazakhstan has attempted to introduce a homophobic “propaganda” law similar to"
            " the law in Russia. Only activists and informal groups are active."
        ),
        "facts": [
            (Topic.PROPAGANDA_LAW, Status.PROPOSED, None, ATTEMPTED, "crackdown"),
            (Topic.MARRIAGE_BAN, Status.NOT_STATED, None, "", "crackdown"),
            (
                Topic.ORGANISATIONS,
                Status.INFORMAL,
                None,
                "Only activists and informal groups.",
                "crackdown",
            ),
            (Topic.PRIDE, Status.NOT_STATED, None, REGIONAL_PRIDE, "crackdown"),
            (Topic.POLICE, Status.INADEQUATE, None, POLICE, "crackdown"),
        ],
        "events": [],
    },
    {
        "code": "KG",
        "title": "Kyrgyzstan",
        "summary": (
            "Kyrgyzstan amended its Constitution to explicitly preclude same-sex marriages in"
            " 2016. After a homophobic attack on an LGBTI event in May 2015, just one prominent"
            " Kyrgyzstani human rights organization condemned the assault."
        ),
        "facts": [
            (Topic.PROPAGANDA_LAW, Status.PROPOSED, None, ATTEMPTED, "crackdown"),
            (Topic.MARRIAGE_BAN, Status.YES, 2016, "Constitution amended.", "crackdown"),
            (Topic.ORGANISATIONS, Status.REGISTERED, None, "A small number of NGOs.", "crackdown"),
            (
                Topic.PRIDE,
                Status.ATTACKED,
                None,
                "A homophobic attack on an LGBTI event in May 2015.",
                "marginalised",
            ),
            (Topic.POLICE, Status.INADEQUATE, None, POLICE, "crackdown"),
        ],
        "events": [
            (
                2015,
                5,
                "A homophobic attack on an LGBTI event; just one prominent Kyrgyzstani human"
                " rights organization condemns it.",
                "marginalised",
            ),
            (
                2016,
                None,
                "Kyrgyzstan amends its Constitution to explicitly preclude same-sex marriages.",
                "crackdown",
            ),
        ],
    },
]


@transaction.atomic
def build(home, report):
    chapters = {
        # The report's own chapters (its Russian translation has the same slugs).
        "crackdown": ReportChapterPage.objects.descendant_of(report).get(
            slug="crackdown-on-lgbti-rights"
        ),
        "marginalised": ReportChapterPage.objects.descendant_of(report).get(
            slug="marginalised-by-the-human-rights-community"
        ),
    }
    index, _ = add_child_once(
        home,
        CountryIndexPage,
        "countries",
        title="Countries",
        show_in_menus=True,
        intro=(
            "<p>The governments of Armenia, Belarus, Kazakhstan and Kyrgyzstan, Russia’s closest"
            " partners in the region, have all embarked on a crackdown on LGBTI rights in recent"
            " years.</p>"
        ),
    )
    pages = []
    for spec in COUNTRIES:
        page, _ = add_child_once(
            index,
            CountryPage,
            spec["title"].lower(),
            title=spec["title"],
            iso_code=spec["code"],
            summary=spec["summary"],
            facts=[
                CountryFact(topic=t, status=s, year=y, note=n, source=chapters[src])
                for t, s, y, n, src in spec["facts"]
            ],
            events=[
                TimelineEvent(year=y, month=m, description=d, source=chapters[src])
                for y, m, d, src in spec["events"]
            ],
        )
        pages.append(page)
    if report is not None and not report.countries.exists():
        report.countries = [ReportCountry(country=spec["code"]) for spec in COUNTRIES]
        publish(report)
    return index


@transaction.atomic
def link_countries():
    """What each demo statement concerns, by ISO code (only where unset, so editors' changes
    stay)."""
    for _key, _speaker, words, _anon, codes, _topics in statements_demo.statements_spec():
        statement = Statement.objects.filter(text=words).first()
        if statement is not None and not statement.countries:
            statement.countries = codes
            publish(statement)


# Home page and main menu position (see advocacy.core.demo.DemoSite).
POSITION = 200


def build_step(demo):
    """The ``build_demo_content`` step: the countries, linked from the report's coverage and
    the statements about them."""
    report = ReportPage.objects.child_of(demo.home).order_by("path").first()
    index = build(demo.home, report)
    link_countries()
    demo.offer_featured(
        POSITION, index, "Armenia, Belarus, Kazakhstan and Kyrgyzstan compared, fact by fact."
    )
    demo.place_in_menu(POSITION, index)
    return index
