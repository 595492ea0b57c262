"""Quote cards: a PNG of a statement with its speaker, the publisher's wordmark (the
organisation name in SiteSettings, set in type), the site's host and the date.

Cards are drawn by a background task when a revision is published (``tasks.py``), never
inside a request, and kept in the private ``quote_cards`` storage, outside the public media
path. The card view serves them only while their statement is published; unpublishing or
deleting a statement, or publishing a new revision, deletes the older cards.

Drawing costs O(n log n) in the length of the words at worst: a line's break is found by a
galloping then binary search over character positions, the number of lines is capped (the
last one ends with an ellipsis) and the font size is found by a binary search as well, so
each size tried stops after the lines its box can hold.
"""

import functools
import hashlib
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import translation
from django.utils.text import capfirst

from advocacy.core import dates

from .models import BIDI_CONTROLS

SIZES = {"og": (1200, 630), "square": (1080, 1080)}
FONTS = Path(settings.BASE_DIR) / "static" / "fonts"
SERIF = FONTS / "DejaVuSerif.ttf"  # open licence; Latin, Cyrillic and Armenian
SANS_BOLD = FONTS / "DejaVuSans-Bold.ttf"
SANS = FONTS / "DejaVuSans.ttf"
INK, PAPER, ACCENT, MUTED = "#141414", "#ffffff", "#ffd400", "#d6d3cc"
MARGIN = 64
# Short words are set large (up to MAX_QUOTE_SIZE), long ones down to MIN_QUOTE_SIZE.
MAX_QUOTE_SIZE, MIN_QUOTE_SIZE = 112, 6
QUOTE_SIZES = tuple(range(MAX_QUOTE_SIZE, MIN_QUOTE_SIZE - 1, -2))  # largest first
LINE_SPACING = 1.3
# No card has room for more lines than this, whatever the size: a bound on any wrap.
MAX_LINES = 160
ELLIPSIS = "…"
STORAGE = "quote_cards"


# -- where cards are kept -------------------------------------------------------------------
def card_storage():
    """The private storage cards live in (never served as media)."""
    return storages[STORAGE]


def card_directory(statement_pk):
    return f"quote-cards/{int(statement_pk)}"


def card_name(statement, size):
    """Storage path of the live revision's card in ``size``; None when nothing is live."""
    if not statement.live_revision_id:
        return None
    return f"{card_directory(statement.pk)}/{statement.live_revision_id}-{size}.png"


def has_card(statement, size="og"):
    """Whether the live revision's card has been drawn (the view can serve it)."""
    name = card_name(statement, size)
    return bool(name) and card_storage().exists(name)


def stored_card(statement, size):
    """The stored PNG of the live revision's card, or None when it is not drawn yet.

    Never draws: drawing happens in the background task only."""
    name = card_name(statement, size)
    if not name:
        return None
    try:
        with card_storage().open(name, "rb") as stored:
            return stored.read()
    except FileNotFoundError:
        return None


def card_etag(png):
    """A strong validator of the card's bytes (a redraw of the same revision changes it)."""
    return '"' + hashlib.sha256(png).hexdigest()[:32] + '"'


def draw_cards(statement):
    """Draw and store every size of the live revision's card, then delete older cards."""
    storage = card_storage()
    kept = set()
    for size in SIZES:
        name = card_name(statement, size)
        if not name:
            return
        # In the words' language: a Russian translation's card gives its date in Russian.
        with translation.override(statement.locale.language_code):
            png = draw_card(statement, size)
        storage.delete(name)  # save() would otherwise pick another name
        kept.add(storage.save(name, ContentFile(png)))
    delete_cards(statement.pk, keep=kept)


def delete_cards(statement_pk, keep=()):
    """Delete a statement's stored cards, all of them or all but the ``keep`` names."""
    storage = card_storage()
    directory = card_directory(statement_pk)
    try:
        _directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for file_name in files:
        name = f"{directory}/{file_name}"
        if name not in keep:
            storage.delete(name)


def delete_other_revisions_cards(statement):
    """Delete the cards of every revision but the live one (drawn or being drawn)."""
    prefix = f"{card_directory(statement.pk)}/{statement.live_revision_id}-"
    keep = {f"{prefix}{size}.png" for size in SIZES} if statement.live_revision_id else set()
    delete_cards(statement.pk, keep=keep)


# -- laying out the words ---------------------------------------------------------------------
@functools.lru_cache(maxsize=64)
def font_at(path, size):
    return ImageFont.truetype(str(path), size)


def _longest_fitting_prefix(text, font, width, suffix=""):
    """The length of the longest prefix of ``text`` that, followed by ``suffix``, is no
    wider than ``width``; at least 1 (a glyph wider than the line still takes a line).

    Galloping (1, 2, 4, … characters) then a binary search: O(k log k) for a k-character
    result, whatever the length of ``text``."""

    def fits(length):
        return font.getlength(text[:length] + suffix) <= width

    if not fits(1):
        return 1
    low, high = 1, 2  # text[:low] fits; text[:high] is not known to
    while high <= len(text) and fits(high):
        low, high = high, high * 2
    high = min(high, len(text) + 1)  # does not fit, or one past the end
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


def _lines(text, font, width, max_lines):
    """(lines, complete): ``text`` broken at spaces (inside a word only when the word is
    longer than a line), no line wider than ``width``, at most ``max_lines`` lines."""
    rest = " ".join(text.split())
    lines = []
    while rest and len(lines) < max_lines:
        cut = _longest_fitting_prefix(rest, font, width)
        if cut < len(rest):
            space = rest.rfind(" ", 0, cut + 1)
            if space > 0:
                cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines, not rest


def _with_ellipsis(line, font, width):
    keep = _longest_fitting_prefix(line, font, width, suffix=ELLIPSIS)
    return line[:keep].rstrip() + ELLIPSIS


def wrap(text, font, width, max_lines=MAX_LINES):
    """Lines of ``text`` no wider than ``width``; a word longer than a line is split. At most
    ``max_lines`` lines: when the text is longer, the last one ends with an ellipsis."""
    lines, complete = _lines(text, font, width, max_lines)
    if not complete and lines:
        lines[-1] = _with_ellipsis(lines[-1], font, width)
    return lines


def line_height(font_size):
    return int(font_size * LINE_SPACING)


def fit(text, width, height):
    """The largest font size at which the wrapped text fits the box, and its lines.

    A binary search over the sizes (text that fits at one size fits at any smaller one);
    when it fits at none, the smallest size, cut short with an ellipsis."""

    def attempt(index):
        size = QUOTE_SIZES[index]
        font = font_at(SERIF, size)
        max_lines = max(1, min(MAX_LINES, height // line_height(size)))
        lines, complete = _lines(text, font, width, max_lines)
        return font, lines, complete

    low, high = 0, len(QUOTE_SIZES)  # the answer is the first index in [low, high) that fits
    found = None
    while low < high:
        middle = (low + high) // 2
        font, lines, complete = attempt(middle)
        if complete:
            found, high = (font, lines), middle
        else:
            low = middle + 1
    if found is None:
        font, lines, _complete = attempt(len(QUOTE_SIZES) - 1)
        if lines:
            lines[-1] = _with_ellipsis(lines[-1], font, width)
        found = (font, lines)
    font, lines = found
    return font, lines, line_height(font.size)


# -- what the card says beside the words -------------------------------------------------------
def site_identity():
    """(organisation name, host) of the default site, printed on every card: the card travels
    without its page, so it names who publishes it and where the permalink lives."""
    from wagtail.models import Site

    from advocacy.core.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return "", ""
    return SiteSettings.for_site(site).organisation_name, site.hostname


def card_words(statement):
    """The words as set on the card, in quotation marks. An anonymous testimony often starts
    mid-sentence (“the personal risks…”); on the card, which is typography rather than text,
    it starts with a capital. The stored words are not changed."""
    words = " ".join(BIDI_CONTROLS.sub("", statement.text).split())
    if not statement.speaker_id:
        words = words[:1].upper() + words[1:]
    return f"“{words}”"


# -- drawing ----------------------------------------------------------------------------------
# Type sizes by card size: (wordmark, name, role, footer line).
TYPE = {"og": (26, 34, 24, 22), "square": (30, 40, 28, 26)}


def layout(statement, size):
    """Where each piece of text goes: a list of (kind, text, (x, y), font). Top: the
    organisation's wordmark; middle: the words, as large as fit and centred vertically in
    the space between; bottom: who said it, then the site's host and the date."""
    width, height = SIZES[size]
    wordmark_size, name_size, role_size, footer_size = TYPE[size]
    text_width = width - 2 * MARGIN
    organisation, host = site_identity()
    name = statement.speaker_name or capfirst(statement.anonymous_source)  # as the site shows it
    role = statement.role_line if statement.speaker_id else str(capfirst(statement.withheld_note))
    date = statement.date_label if statement.date_said else str(dates.DATE_NOT_GIVEN)
    date = capfirst(date)

    wordmark_font = font_at(SANS_BOLD, wordmark_size)
    name_font = font_at(SANS_BOLD, name_size)
    role_font = font_at(SANS, role_size)
    footer_font = font_at(SANS, footer_size)
    wordmark = wrap(BIDI_CONTROLS.sub("", organisation or ""), wordmark_font, text_width, 1)
    name_lines = wrap(BIDI_CONTROLS.sub("", name or ""), name_font, text_width, max_lines=2)
    role_lines = wrap(BIDI_CONTROLS.sub("", role or ""), role_font, text_width, max_lines=2)
    footer = " · ".join(part for part in (BIDI_CONTROLS.sub("", host), date) if part)
    footer_lines = wrap(footer, footer_font, text_width, max_lines=1)

    placed = []
    y = MARGIN - 16
    for line in wordmark:
        placed.append(("wordmark", line, (MARGIN, y), wordmark_font))
        y += line_height(wordmark_size)
    box_top = y + 24

    name_step, role_step, footer_step = (int(s * 1.35) for s in (name_size, role_size, footer_size))
    bottom_height = name_step * len(name_lines) + role_step * len(role_lines) + 16 + footer_step
    y = height - MARGIN + 16 - bottom_height
    rule_y = y - 20
    for line in name_lines:
        placed.append(("name", line, (MARGIN, y), name_font))
        y += name_step
    for line in role_lines:
        placed.append(("role", line, (MARGIN, y), role_font))
        y += role_step
    y += 16
    for line in footer_lines:
        placed.append(("footer", line, (MARGIN, y), footer_font))

    box_height = rule_y - 24 - box_top
    font, lines, quote_step = fit(card_words(statement), text_width, box_height)
    # Short words leave the box partly empty: centre the block rather than leave the space
    # below it (the font is already as large as the sizes allow).
    y = box_top + max(0, (box_height - quote_step * len(lines)) // 2)
    for line in lines:
        placed.append(("quote", line, (MARGIN, y), font))
        y += quote_step
    placed.append(("rule", "", (MARGIN, rule_y), None))
    return placed


def draw_card(statement, size):
    """The card's PNG bytes. Slow work (a few hundred ms): call it from a task only."""
    width, height = SIZES[size]
    image = Image.new("RGB", (width, height), INK)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 14], fill=ACCENT)
    colours = {"wordmark": ACCENT, "quote": PAPER, "name": PAPER, "role": MUTED, "footer": MUTED}
    for kind, line, (x, y), font in layout(statement, size):
        if kind == "rule":
            draw.rectangle([x, y, x + 96, y + 6], fill=ACCENT)
        else:
            draw.text((x, y), line, font=font, fill=colours[kind])

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
