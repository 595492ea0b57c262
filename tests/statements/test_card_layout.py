"""What a quote card says and how it fills its space (issue 11, item 10): the publisher's
wordmark, the site's host and the date; anonymous words start with a capital on the card
only; short words are set large and centred, not left above an empty band."""

import datetime
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from wagtail.models import Site

from advocacy.core.models import SiteSettings
from advocacy.statements import cards
from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory

SHORT = "Equality now."
LONG = " ".join(["LGBTI activists have long faced discrimination, including among other"] * 6)
CYRILLIC = "ЛГБТИ-активисты давно сталкиваются с дискриминацией, в том числе среди других"


def texts(placed, kind):
    return [text for k, text, _xy, _font in placed if k == kind]


def save_sample(name, statement):
    """With CARD_SAMPLES=<folder>, write the cards there to look at them."""
    folder = os.environ.get("CARD_SAMPLES")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for size in cards.SIZES:
            Path(folder, f"{name}-{size}.png").write_bytes(cards.draw_card(statement, size))


@pytest.fixture
def publisher(home):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "lessequal.example.org"
    site.save()
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "Amnesty International"
    settings.save()
    return site


@pytest.mark.parametrize("size", sorted(cards.SIZES))
def test_card_carries_the_wordmark_the_host_and_the_date(publisher, krivosheev, size):
    statement = StatementFactory(
        speaker=krivosheev, text=LONG, date_said=datetime.date(2026, 11, 25)
    )
    save_sample("long", statement)

    placed = cards.layout(statement, size)

    assert texts(placed, "wordmark") == ["Amnesty International"]
    assert texts(placed, "footer") == ["lessequal.example.org · 25 November 2026"]
    assert texts(placed, "name") == ["Denis Krivosheev"]


def test_an_undated_card_says_the_date_is_not_given(publisher):
    statement = AnonymousStatementFactory(date_said=None)

    placed = cards.layout(statement, "og")

    assert texts(placed, "footer") == ["lessequal.example.org · Date not given in the source"]


def test_an_anonymous_quote_starts_with_a_capital_on_the_card_only(publisher):
    statement = AnonymousStatementFactory()  # “the personal risks were too great.”
    save_sample("anonymous", statement)

    quote = " ".join(texts(cards.layout(statement, "og"), "quote"))

    assert quote == "“The personal risks were too great.”"
    statement.refresh_from_db()
    assert statement.text == "the personal risks were too great."


@pytest.mark.parametrize("words", [SHORT, CYRILLIC])
def test_short_words_fill_the_card_with_no_empty_band(publisher, krivosheev, words):
    statement = StatementFactory(speaker=krivosheev, text=words)
    save_sample("short" if words == SHORT else "cyrillic", statement)
    width, height = cards.SIZES["og"]

    image = Image.open(io.BytesIO(cards.draw_card(statement, "og"))).convert("L")

    # The longest run of blank pixel rows across the card, between the wordmark and the
    # speaker's name: short words once left a band of about half the card's height.
    inked = [any(image.getpixel((x, y)) > 128 for x in range(0, width, 2)) for y in range(height)]
    longest = run = 0
    for row in inked[40 : height - 40]:
        run = 0 if row else run + 1
        longest = max(longest, run)
    assert longest < height * 0.25, f"an empty band {longest} px tall"
    quote_fonts = {
        font.size for kind, _t, _xy, font in cards.layout(statement, "og") if kind == "quote"
    }
    assert min(quote_fonts) >= 48


def test_an_anonymous_card_says_name_withheld_and_only_the_editor_s_reason(publisher):
    """Issue 17, item 5: no reason the source does not give ("for their safety")."""
    statement = AnonymousStatementFactory()

    assert texts(cards.layout(statement, "og"), "role") == ["Name withheld"]

    statement.anonymity_reason = "at their request"
    assert texts(cards.layout(statement, "og"), "role") == ["Name withheld: at their request"]
