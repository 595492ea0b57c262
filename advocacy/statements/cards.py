"""Quote cards: a PNG of a statement with its speaker, drawn once per revision and kept."""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .models import BIDI_CONTROLS

SIZES = {"og": (1200, 630), "square": (1080, 1080)}
FONTS = Path(settings.BASE_DIR) / "static" / "fonts"
SERIF = FONTS / "DejaVuSerif.ttf"  # open licence; Latin, Cyrillic and Armenian
SANS_BOLD = FONTS / "DejaVuSans-Bold.ttf"
SANS = FONTS / "DejaVuSans.ttf"
INK, PAPER, ACCENT, MUTED = "#141414", "#ffffff", "#ffd400", "#d6d3cc"
MARGIN = 64
MAX_QUOTE_SIZE, MIN_QUOTE_SIZE = 64, 6


def card_name(statement, size):
    """Storage path: one file per statement revision and size."""
    revision = statement.live_revision_id or statement.latest_revision_id or 0
    return f"quote-cards/{statement.pk}/{revision}-{size}.png"


def get_card(statement, size):
    """The card's PNG bytes, drawn and stored the first time, read back after."""
    name = card_name(statement, size)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    png = draw_card(statement, size)
    default_storage.save(name, ContentFile(png))
    return png


def wrap(text, font, width):
    """Lines of ``text`` no wider than ``width``; a word longer than a line is split."""
    lines, line = [], ""
    for word in text.split():
        while font.getlength(word) > width:  # an unbroken run of characters
            cut = len(word)
            while cut > 1 and font.getlength(word[:cut]) > width:
                cut -= 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def fit(text, width, height):
    """The largest font size at which the wrapped text fits the box, and its lines."""
    for font_size in range(MAX_QUOTE_SIZE, MIN_QUOTE_SIZE - 1, -2):
        font = ImageFont.truetype(str(SERIF), font_size)
        lines = wrap(text, font, width)
        line_height = int(font_size * 1.3)
        if len(lines) * line_height <= height:
            return font, lines, line_height
    return font, lines, line_height


def draw_card(statement, size):
    width, height = SIZES[size]
    image = Image.new("RGB", (width, height), INK)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 14], fill=ACCENT)

    name_font = ImageFont.truetype(str(SANS_BOLD), 34 if size == "og" else 40)
    role_font = ImageFont.truetype(str(SANS), 24 if size == "og" else 28)
    name = statement.speaker_name or statement.anonymous_source
    role = statement.role_line if statement.speaker_id else "Name withheld for their safety"
    text_width = width - 2 * MARGIN
    name_lines = wrap(BIDI_CONTROLS.sub("", name or ""), name_font, text_width)[:2]
    role_lines = wrap(BIDI_CONTROLS.sub("", role or ""), role_font, text_width)[:2]
    footer_height = 46 * len(name_lines) + 34 * len(role_lines) + 24

    quote = "“" + " ".join(BIDI_CONTROLS.sub("", statement.text).split()) + "”"
    box_top = MARGIN
    box_height = height - MARGIN - footer_height - box_top - 24
    font, lines, line_height = fit(quote, text_width, box_height)
    y = box_top
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=PAPER)
        y += line_height

    y = height - MARGIN - footer_height + 24
    draw.rectangle([MARGIN, y - 20, MARGIN + 96, y - 14], fill=ACCENT)
    for line in name_lines:
        draw.text((MARGIN, y), line, font=name_font, fill=PAPER)
        y += 46
    for line in role_lines:
        draw.text((MARGIN, y), line, font=role_font, fill=MUTED)
        y += 34

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
