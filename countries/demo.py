"""Demo content for the four countries: only the facts the seed press release gives, each
with the release's own words it rests on (its source excerpt, cut from the seed itself).

A status says no more than its excerpt: "a small number of NGOs are registered" is not
protective; a sentence the release says of the former Soviet Republics as a whole (pride
marches forbidden or attacked "with few exceptions", the police "often failing to prevent
and investigate effectively hate crimes") is "stated for the region as a whole", not a
finding about one country; where the release says nothing ("not stated in the press
release") nothing is guessed. No fact carries a "checked" date: nobody checked one.
"""

from django.db import transaction

from advocacy.core.demo import add_child_once, publish
from advocacy.core.seed import excerpt
from advocacy.statements import demo as statements_demo
from advocacy.statements.models import Statement
from reports.models import PressReleasePage, ReportCountry, ReportPage

from .facts import Status, Topic
from .models import CountryFact, CountryIndexPage, CountryPage, TimelineEvent

# How the facts name their source (the press release page is the one they link to).
SOURCE_NAME = "the press release"

ATTEMPTED_WORDS = excerpt(
    "All four countries have attempted", "adopting a variation of the Russian law in 2016."
)
ADOPTED_WORDS = excerpt("So far, only Belarus has done so")
AMENDED_WORDS = excerpt("Elsewhere, Armenia and Kyrgyzstan amended")
ASSOCIATION_WORDS = excerpt("Freedom of association is limited")
REGION_WORDS = excerpt("LGBTI groups in each of the former Soviet Republics", "hate crimes.")
ATTACK_WORDS = excerpt("Following a homophobic attack on an LGBTI event")
DANIELYAN_WORDS = excerpt("Mikayel Danielyan, former Head")

ATTEMPTED = "Attempted to introduce a law similar to Russia’s; not adopted so far."
LIMITED = "A small number of NGOs; freedom of association is limited for all LGBTI activists."
INFORMAL = "Only activists and informal groups; freedom of association is limited."
REGIONAL_PRIDE = (
    "With few exceptions, pride marches in the region are forbidden or attacked; the release"
    " gives no detail for this country."
)
POLICE = (
    "Across the region, the police often fail to prevent and investigate hate crimes effectively."
)

# (topic, status, year, note, excerpt): a fact with no excerpt is "not stated".
PROPAGANDA_ATTEMPTED = (Topic.PROPAGANDA_LAW, Status.PROPOSED, None, ATTEMPTED, ATTEMPTED_WORDS)
MARRIAGE_NOT_STATED = (Topic.MARRIAGE_BAN, Status.NOT_STATED, None, "", "")
NGOS_FEW = (Topic.ORGANISATIONS, Status.REGISTERED, None, LIMITED, ASSOCIATION_WORDS)
NGOS_INFORMAL = (Topic.ORGANISATIONS, Status.INFORMAL, None, INFORMAL, ASSOCIATION_WORDS)
PRIDE_REGION = (Topic.PRIDE, Status.REGIONAL, None, REGIONAL_PRIDE, REGION_WORDS)
POLICE_REGION = (Topic.POLICE, Status.REGIONAL, None, POLICE, REGION_WORDS)

COUNTRIES = [
    {
        "code": "AM",
        "title": "Armenia",
        "summary": (
            "Armenia amended its Constitution to explicitly preclude same-sex marriages in"
            " 2015. A small number of NGOs that work on LGBTI rights are registered."
        ),
        "facts": [
            PROPAGANDA_ATTEMPTED,
            (Topic.MARRIAGE_BAN, Status.YES, 2015, "Constitution amended.", AMENDED_WORDS),
            NGOS_FEW,
            PRIDE_REGION,
            POLICE_REGION,
        ],
        "events": [
            (
                2015,
                None,
                "Armenia amends its Constitution to explicitly preclude same-sex marriages.",
                AMENDED_WORDS,
            ),
            (
                2016,
                8,
                "Mikayel Danielyan, former Head of the Helsinki Association and one of the"
                " earliest advocates for LGBTI rights in Armenia, dies.",
                DANIELYAN_WORDS,
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
                ADOPTED_WORDS,
            ),
            MARRIAGE_NOT_STATED,
            NGOS_INFORMAL,
            PRIDE_REGION,
            POLICE_REGION,
        ],
        "events": [
            (2016, None, "Belarus adopts a variation of Russia’s “propaganda” law.", ADOPTED_WORDS),
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
            PROPAGANDA_ATTEMPTED,
            MARRIAGE_NOT_STATED,
            NGOS_INFORMAL,
            PRIDE_REGION,
            POLICE_REGION,
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
            PROPAGANDA_ATTEMPTED,
            (Topic.MARRIAGE_BAN, Status.YES, 2016, "Constitution amended.", AMENDED_WORDS),
            NGOS_FEW,
            (
                Topic.PRIDE,
                Status.ATTACKED,
                None,
                "A homophobic attack on an LGBTI event in May 2015.",
                ATTACK_WORDS,
            ),
            POLICE_REGION,
        ],
        "events": [
            (
                2015,
                5,
                "A homophobic attack on an LGBTI event; just one prominent Kyrgyzstani human"
                " rights organization condemns it.",
                ATTACK_WORDS,
            ),
            (
                2016,
                None,
                "Kyrgyzstan amends its Constitution to explicitly preclude same-sex marriages.",
                AMENDED_WORDS,
            ),
        ],
    },
]


@transaction.atomic
def build(home, report):
    # The English release (its Russian translation has the same slug).
    release = PressReleasePage.objects.get(
        slug="former-soviet-states-entrenching-homophobia", locale_id=home.locale_id
    )
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
                CountryFact(
                    topic=t,
                    status=s,
                    year=y,
                    note=n,
                    source_excerpt=words,
                    source_name=SOURCE_NAME,
                    source=release,
                )
                for t, s, y, n, words in spec["facts"]
            ],
            events=[
                TimelineEvent(
                    year=y,
                    month=m,
                    description=d,
                    source_excerpt=words,
                    source_name=SOURCE_NAME,
                    source=release,
                )
                for y, m, d, words in spec["events"]
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
