"""Demo content for the quote desk: the spokesperson, his statements word for word, and the
anonymous testimonies, all from the seed press release.

The release gives no date, so neither do the statements: they say “date not given in the
source” (advocacy.core.dates) rather than carry the day the demo was loaded. Nor does it say
what language the anonymous sources spoke or why their names are withheld, so the
testimonies say “name withheld” and their language is “not stated in the source”.
"""

from django.conf import settings
from django.db import transaction

from advocacy.core.demo import add_child_once, publish
from advocacy.core.seed import paragraph
from advocacy.people.models import Person

from .models import LANGUAGE_NOT_STATED, QuoteDeskPage, Statement, Topic

# In the main menu after every other page (after "Privacy"), before the search link.
DESK_MENU_POSITION = 250

KRIVOSHEEV = {
    "name": "Denis Krivosheev",
    "role": "Deputy Director for Europe and Central Asia",
    "organisation": "Amnesty International",
    "is_spokesperson": True,
}
DANIELYAN = {
    "name": "Mikayel Danielyan",
    "role": "Former Head of the Helsinki Association",
    "organisation": "",
    "bio": (
        "One of the earliest advocates for LGBTI rights in Armenia. He died of a heart attack"
        " in August 2016."
    ),
}
TOPICS = [
    ("Russian influence", "russian-influence"),
    ("Marginalisation within the human rights community", "marginalisation"),
    ("Safety of LGBTI groups", "safety"),
    ("Solidarity", "solidarity"),
]
ALL_FOUR = ["AM", "BY", "KZ", "KG"]


def spoken_words(text):
    """The words inside a paragraph's quotation marks, without the attribution.

    “Words,” said Someone. → Words   (the comma belongs to the attribution)
    “Words.” → Words.
    """
    words = text.split("” said")[0] if "” said" in text else text
    words = words.strip().removeprefix("“").removesuffix("”").strip()
    return words.removesuffix(",")


def statements_spec():
    """key, speaker (None for anonymous), words, anonymous source, countries, topics."""
    return [
        (
            "long-faced",
            KRIVOSHEEV,
            spoken_words(paragraph("“LGBTI activists have long")),
            "",
            ALL_FOUR,
            ["russian-influence", "marginalisation"],
        ),
        # A quoted paragraph that follows a named one with no new attribution keeps the last
        # named speaker (press-release convention): Denis Krivosheev.
        (
            "western-values",
            KRIVOSHEEV,
            spoken_words(paragraph("“The idea, promoted by Russia")),
            "",
            ALL_FOUR,
            ["russian-influence"],
        ),
        (
            "second-class",
            KRIVOSHEEV,
            spoken_words(paragraph("“LGBTI activists not only bear")),
            "",
            ALL_FOUR,
            ["marginalisation"],
        ),
        (
            "must-ensure",
            KRIVOSHEEV,
            spoken_words(paragraph("“State authorities in Armenia")),
            "",
            ALL_FOUR,
            ["safety"],
        ),
        # The closing call is not attributed in the release; by the same convention it is the
        # last named speaker's, Denis Krivosheev, speaking for Amnesty International.
        (
            "work-alongside",
            KRIVOSHEEV,
            spoken_words(paragraph("“Amnesty International calls on")),
            "",
            ALL_FOUR,
            ["solidarity"],
        ),
        (
            "risks-too-great",
            None,
            "the personal risks were too great.",
            "a prominent LGBTI activist in Belarus",
            ["BY"],
            ["safety"],
        ),
        (
            "no-one-wants",
            None,
            "no one wants to be associated with us",
            "LGBTI activists in Kyrgyzstan",
            ["KG"],
            ["marginalisation"],
        ),
    ]


def person(spec):
    """The person, created once. No interview languages or availability: the release gives
    neither (the press page says nothing about them until an editor enters them)."""
    found = Person.objects.filter(
        name=spec["name"], locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if found is None:
        found = Person.objects.create(**spec)
    return found


@transaction.atomic
def build(release):
    """The people and statements; returns {key: Statement} for the report's pull quotes."""
    person(DANIELYAN)
    topics = {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for name, slug in TOPICS
    }
    statements = {}
    for key, speaker, words, anonymous, _countries, topic_slugs in statements_spec():
        statement = Statement.objects.filter(text=words).first()
        if statement is None:
            statement = Statement(
                text=words,
                # The spokesperson's words are published in English; the release does not say
                # what language the anonymous sources spoke (theirs may be translations).
                language="en" if speaker else LANGUAGE_NOT_STATED,
                speaker=person(speaker) if speaker else None,
                anonymous_source=anonymous,
                date_said=None,
                source_page=release,
                context_note="On the launch of the report." if speaker else "",
            )
            statement.full_clean()
            statement.save()
            statement.topics.set([topics[slug] for slug in topic_slugs])
            publish(statement)
        statements[key] = statement
    return statements


def build_desk_page(demo):
    """The ``build_demo_content`` step: the quote desk page (/statements/) under the home
    page, once, in the main menu; the statements themselves come with the press release
    they are taken from (reports/demo.py)."""
    page, _ = add_child_once(
        demo.home,
        QuoteDeskPage,
        "statements",
        title="Quote desk",
        show_in_menus=True,
        intro=(
            "<p>Every published statement and testimony, newest first. Each one can be copied"
            " with its attribution, cited by its permalink and shared as a card.</p>"
        ),
    )
    demo.place_in_menu(DESK_MENU_POSITION, page)
    return page
