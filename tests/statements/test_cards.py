import io
from unittest import mock

import pytest
from PIL import Image, ImageFont

from django.core.files.storage import default_storage

from advocacy.statements import cards
from advocacy.statements.factories import StatementFactory

pytestmark = pytest.mark.django_db


def png_size(content):
    return Image.open(io.BytesIO(content)).size


def test_cards_come_in_open_graph_and_square_sizes(client, statement):
    og = client.get(f"/statements/{statement.pk}/card-og.png")
    square = client.get(f"/statements/{statement.pk}/card-square.png")

    assert og.headers["Content-Type"] == "image/png"
    assert png_size(og.content) == (1200, 630)
    assert png_size(square.content) == (1080, 1080)
    assert client.get(f"/statements/{statement.pk}/card-huge.png").status_code == 404


@pytest.mark.parametrize("length", [20, 400, 2000, 5000])
def test_long_quotes_wrap_and_shrink_without_losing_a_word(length):
    words = ("Discrimination " * (length // 15 + 1))[:length].split()
    text = " ".join(words)

    font, lines, line_height = cards.fit(text, 1200 - 2 * cards.MARGIN, 400)

    assert " ".join(lines).split() == words  # every word drawn, in order
    assert len(lines) * line_height <= 400
    assert all(font.getlength(line) <= 1200 - 2 * cards.MARGIN for line in lines)
    if length == 5000:
        assert font.size < cards.MAX_QUOTE_SIZE


@pytest.mark.parametrize("sample", ["Беларусь и Кыргызстан", "Հայաստան", "“‘quotes’”"])
def test_shipped_font_has_glyphs_for_cyrillic_and_armenian(sample):
    font = ImageFont.truetype(str(cards.SERIF), 40)
    missing = bytes(font.getmask("\ue000"))  # a private-use character: the "no glyph" box
    assert all(bytes(font.getmask(ch)) != missing for ch in sample if not ch.isspace())


def test_card_is_drawn_once_per_revision_and_served_from_storage_after(client, statement):
    url = f"/statements/{statement.pk}/card-og.png"
    statement.refresh_from_db()
    default_storage.delete(cards.card_name(statement, "og"))  # storage outlives test rollbacks
    with mock.patch.object(cards, "draw_card", wraps=cards.draw_card) as draw:
        first = client.get(url).content
        second = client.get(url).content
        assert draw.call_count == 1
        assert first == second

        statement.text = "Edited words make a new revision and a new card"
        statement.save_revision().publish()
        third = client.get(url).content
        assert draw.call_count == 2
        assert third != first


def test_card_for_cyrillic_quote_renders(client, krivosheev):
    statement = StatementFactory(
        text="ЛГБТИ-активисты в Беларуси и Армении — Հայաստան", language="ru", speaker=krivosheev
    )
    response = client.get(f"/statements/{statement.pk}/card-square.png")
    assert response.status_code == 200
    assert png_size(response.content) == (1080, 1080)
