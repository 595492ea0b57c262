import io
from unittest import mock

import pytest
from PIL import Image, ImageFont

from django.core.files.storage import default_storage, storages

from advocacy.statements import cards
from advocacy.statements.factories import StatementFactory
from tests.html import meta

pytestmark = pytest.mark.django_db
TEXT_WIDTH = 1200 - 2 * cards.MARGIN


def png_size(content):
    return Image.open(io.BytesIO(content)).size


def stored_names(statement_pk, storage=None):
    """Every file stored for a statement's cards (private storage unless told)."""
    storage = storage or storages["quote_cards"]
    try:
        return sorted(storage.listdir(f"quote-cards/{statement_pk}")[1])
    except FileNotFoundError:
        return []


# -- shapes and fonts -----------------------------------------------------------------------
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

    font, lines, line_height = cards.fit(text, TEXT_WIDTH, 400)

    assert " ".join(lines).split() == words  # every word drawn, in order
    assert len(lines) * line_height <= 400
    assert all(font.getlength(line) <= TEXT_WIDTH for line in lines)
    if length == 5000:
        assert font.size < cards.MAX_QUOTE_SIZE


@pytest.mark.parametrize("sample", ["Беларусь и Кыргызстан", "Հայաստան", "“‘quotes’”"])
def test_shipped_font_has_glyphs_for_cyrillic_and_armenian(sample):
    font = ImageFont.truetype(str(cards.SERIF), 40)
    missing = bytes(font.getmask("\ue000"))  # a private-use character: the "no glyph" box
    assert all(bytes(font.getmask(ch)) != missing for ch in sample if not ch.isspace())


def test_card_for_cyrillic_quote_renders(client, krivosheev, publish):
    statement = publish(
        StatementFactory(
            text="ЛГБТИ-активисты в Беларуси и Армении — Հայաստան",
            language="ru",
            speaker=krivosheev,
        )
    )
    response = client.get(f"/statements/{statement.pk}/card-square.png")
    assert response.status_code == 200
    assert png_size(response.content) == (1080, 1080)


# -- item 3: drawing is bounded and never happens in a request --------------------------------
class CountingFont:
    """A font that counts its measurements and refuses to go past ``limit`` of them:
    the quadratic wrapping it replaced measured a 5,000-character run millions of times."""

    def __init__(self, size, limit):
        self.font = ImageFont.truetype(str(cards.SERIF), size)
        self.size = size
        self.calls = 0
        self.limit = limit

    def getlength(self, text):
        self.calls += 1
        assert self.calls <= self.limit, "wrapping measured the text too many times"
        return self.font.getlength(text)


@pytest.mark.parametrize("text", ["x" * 5000, "Ж" * 5000, "😀" * 1000, "🏳️‍🌈" * 1000])
def test_wrapping_an_unbroken_run_finishes_with_bounded_lines(text):
    font = CountingFont(40, limit=5000)

    lines = cards.wrap(text, font, TEXT_WIDTH)

    assert 1 < len(lines) <= cards.MAX_LINES
    assert all(font.font.getlength(line) <= TEXT_WIDTH for line in lines)
    drawn = "".join(lines)
    if drawn.endswith(cards.ELLIPSIS):  # cut short at MAX_LINES
        assert text.startswith(drawn.removesuffix(cards.ELLIPSIS))
    else:
        assert drawn == text


def test_wrapping_stops_at_max_lines_with_an_ellipsis():
    font = ImageFont.truetype(str(cards.SERIF), 40)

    lines = cards.wrap("word " * 2000, font, TEXT_WIDTH, max_lines=3)

    assert len(lines) == 3
    assert lines[-1].endswith(cards.ELLIPSIS)
    assert all(font.getlength(line) <= TEXT_WIDTH for line in lines)


def test_a_quote_too_long_for_the_card_at_any_size_ends_with_an_ellipsis():
    font, lines, line_height = cards.fit("x" * 5000, TEXT_WIDTH, 60)

    assert font.size == cards.MIN_QUOTE_SIZE
    assert len(lines) * line_height <= 60
    assert lines[-1].endswith(cards.ELLIPSIS)


@pytest.mark.parametrize("text", ["x" * 5000, "😀" * 1000, "a " * 2500])
def test_hostile_statements_draw_cards_of_the_right_size(krivosheev, text):
    statement = StatementFactory.build(text=text, speaker=krivosheev)

    assert png_size(cards.draw_card(statement, "og")) == (1200, 630)
    assert png_size(cards.draw_card(statement, "square")) == (1080, 1080)


def test_publishing_draws_the_cards_in_a_background_task_after_commit(
    krivosheev, django_capture_on_commit_callbacks
):
    statement = StatementFactory(live=False, speaker=krivosheev)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        statement.save_revision().publish()
    assert stored_names(statement.pk) == []  # nothing drawn inside the publishing transaction

    with mock.patch.object(cards, "draw_card", wraps=cards.draw_card) as draw:
        for callback in callbacks:
            callback()  # the commit: the task is enqueued and (in tests) run at once

    statement.refresh_from_db()
    revision = statement.live_revision_id
    assert draw.call_count == 2
    assert stored_names(statement.pk) == [f"{revision}-og.png", f"{revision}-square.png"]


def test_card_view_never_draws_and_answers_503_until_the_card_is_drawn(
    client, krivosheev, django_capture_on_commit_callbacks
):
    statement = StatementFactory(speaker=krivosheev)  # published; its task has not run yet
    url = f"/statements/{statement.pk}/card-og.png"

    with (
        mock.patch.object(cards, "draw_card", side_effect=AssertionError("drew in a request")),
        django_capture_on_commit_callbacks(execute=False) as callbacks,
    ):
        first = client.get(url)
        second = client.get(url)

    assert first.status_code == 503
    assert int(first.headers["Retry-After"]) > 0
    assert "no-store" in first.headers["Cache-Control"]
    assert second.status_code == 503
    assert len(callbacks) == 1  # one background draw asked for, not one per request

    callbacks[0]()  # the worker runs it
    drawn = client.get(url)
    assert drawn.status_code == 200
    assert png_size(drawn.content) == (1200, 630)


def test_statement_page_uses_the_default_image_until_its_card_is_drawn(client, krivosheev, publish):
    statement = StatementFactory(speaker=krivosheev)  # its task has not run yet
    html = client.get(statement.get_absolute_url()).content.decode()
    assert meta(html, "property", "og:image") == "http://localhost/static/img/og-default.png"
    assert f"/statements/{statement.pk}/card-og.png" not in html  # no link to a 503

    publish(statement)
    html = client.get(statement.get_absolute_url()).content.decode()
    card_url = f"http://localhost/statements/{statement.pk}/card-og.png"
    assert meta(html, "property", "og:image") == card_url
    assert client.get(card_url).status_code == 200


# -- item 2: cards live only while their statement is public ------------------------------------
def test_cards_are_kept_in_private_storage_not_public_media(client, statement):
    response = client.get(f"/statements/{statement.pk}/card-og.png")
    revision = statement.live_revision_id

    assert response.status_code == 200
    assert stored_names(statement.pk, default_storage) == []  # nothing under /media/
    with storages["quote_cards"].open(f"quote-cards/{statement.pk}/{revision}-og.png") as f:
        assert f.read() == response.content


def test_unpublishing_makes_the_card_404_and_deletes_its_bytes(client, statement):
    url = f"/statements/{statement.pk}/card-og.png"
    assert client.get(url).status_code == 200

    statement.unpublish()

    assert client.get(url).status_code == 404
    assert stored_names(statement.pk) == []
    assert stored_names(statement.pk, default_storage) == []


def test_deleting_a_statement_deletes_its_cards(client, statement):
    pk = statement.pk
    assert client.get(f"/statements/{pk}/card-og.png").status_code == 200

    statement.delete()

    assert client.get(f"/statements/{pk}/card-og.png").status_code == 404
    assert stored_names(pk) == []
    assert stored_names(pk, default_storage) == []


def test_a_new_revision_replaces_the_old_cards(client, statement, publish):
    url = f"/statements/{statement.pk}/card-og.png"
    old_revision = statement.live_revision_id
    first = client.get(url).content

    statement.text = "Edited words make a new revision and a new card"
    publish(statement)

    assert client.get(url).content != first
    names = stored_names(statement.pk)
    assert names == [
        f"{statement.live_revision_id}-og.png",
        f"{statement.live_revision_id}-square.png",
    ]
    assert not any(name.startswith(f"{old_revision}-") for name in names)
    assert stored_names(statement.pk, default_storage) == []


def test_scheduling_a_statement_for_later_draws_nothing(krivosheev, publish):
    import datetime

    from django.utils import timezone

    statement = StatementFactory(live=False, speaker=krivosheev)
    statement.go_live_at = timezone.now() + datetime.timedelta(days=10)
    publish(statement)

    assert not statement.live
    assert stored_names(statement.pk) == []
    assert stored_names(statement.pk, default_storage) == []


def test_card_cache_headers_let_caches_revalidate_and_purge(client, statement):
    url = f"/statements/{statement.pk}/card-og.png"
    response = client.get(url)

    cache_control = {part.strip() for part in response.headers["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=300", "s-maxage=300"}
    assert response.headers["ETag"].startswith('"')
    assert f"statement-{statement.pk}" in response.headers["Surrogate-Key"].split()
    assert f"statement-{statement.pk}" in response.headers["Cache-Tag"].split(",")

    again = client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == response.headers["ETag"]
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_renaming_a_speaker_redraws_their_cards(
    client, statement, django_capture_on_commit_callbacks
):
    url = f"/statements/{statement.pk}/card-og.png"
    before = client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        statement.speaker.name = "Another Name Entirely"
        statement.speaker.save()

    after = client.get(url)
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]


@pytest.mark.parametrize(
    "path",
    [
        "/statements/99999999999999999999999999/card-og.png",
        "/statements/9223372036854775808/card-og.png",
        "/statements/{pk}/card-og%00.png",
        "/statements/{pk}/card-%ff.png",
        "/statements/{pk}/card-../../settings.png",
    ],
)
def test_hostile_card_addresses_are_404(client, statement, path):
    assert client.get(path.format(pk=statement.pk)).status_code == 404


def test_card_view_refuses_other_methods(client, statement):
    url = f"/statements/{statement.pk}/card-og.png"
    assert client.post(url).status_code == 405
    assert client.put(url).status_code == 405
    assert client.head(url).status_code == 200
