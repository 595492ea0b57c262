"""The text-safety rules, in one place: invisible characters, spreadsheet formulas, lengths.

Every form, export, drawing and search that needs one of these rules imports it from here,
so a character added to a list is refused, stripped or neutralised everywhere at once.
"""

import re
import unicodedata

# Characters that change the direction of text (a name shown back to front, a file name
# that hides its extension): Arabic letter mark, LRM/RLM, embeddings and overrides, isolates.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Characters that hide text or split a word invisibly: soft hyphen, Mongolian vowel
# separator, zero-width space, word joiner and invisible operators, byte-order mark.
HIDDEN = "\u00ad\u180e\u200b\u2060-\u2064\ufeff"
# Zero-width non-joiner and joiner: part of the spelling in some scripts and in emoji, so
# a name may hold them; they are still stripped where text is drawn or made into a slug.
JOINERS = "\u200c\u200d"
# C0 and C1 control characters (tabs, line breaks, NUL, escape, ...).
CONTROLS = "\x00-\x1f\x7f-\x9f"

# Refused in names: anything that reorders or hides what a reader sees.
REORDERING_OR_HIDDEN = re.compile(f"[{BIDI_CONTROLS}{HIDDEN}]")
# Stripped from slugs and card drawings (``.sub("", text)``).
INVISIBLE = re.compile(f"[{BIDI_CONTROLS}{HIDDEN}{JOINERS}]")
CONTROL = re.compile(f"[{CONTROLS}]")
# Turned into spaces in search queries: controls and every invisible character.
UNSAFE_IN_QUERIES = re.compile(f"[{CONTROLS}{BIDI_CONTROLS}{HIDDEN}{JOINERS}]")

# Lengths: what a form accepts, and what one spreadsheet cell can hold (Excel's limit is
# 32,767 characters; a longer cell spills into the next row and shifts every column).
NAME_MAX_LENGTH = 100
ORGANISATION_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = 254
SEARCH_QUERY_MAX_LENGTH = 200
SPREADSHEET_CELL_MAX_LENGTH = 32_000

# A cell starting with one of these is run as a formula by some spreadsheet program
# (OWASP "CSV injection"), including the fullwidth and small forms that programs fold to
# ASCII. ``spreadsheet_safe`` also looks past leading spaces, controls and invisible
# characters, and folds any compatibility form (NFKC) before comparing.
FORMULA_PREFIXES = (
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    "\uff1d",  # fullwidth =
    "\uff0b",  # fullwidth +
    "\uff0d",  # fullwidth -
    "\uff20",  # fullwidth @
    "\ufe66",  # small =
    "\ufe62",  # small +
    "\ufe63",  # small -
    "\ufe6b",  # small @
)
_ASCII_FORMULA_STARTS = frozenset("=+-@")
_LEADING_NOISE = re.compile(f"^[\\s{CONTROLS}{BIDI_CONTROLS}{HIDDEN}{JOINERS}]+")


def has_reordering_or_hidden(text):
    """True if ``text`` holds a character that reorders or hides what is shown."""
    return bool(REORDERING_OR_HIDDEN.search(text or ""))


def has_control(text, allow=""):
    """True if ``text`` holds a control character (other than those in ``allow``)."""
    return any(ch not in allow for ch in CONTROL.findall(text or ""))


def strip_invisible(text):
    """``text`` without direction controls, hidden characters and joiners."""
    return INVISIBLE.sub("", text or "")


def cap(text, limit):
    """``text`` cut to at most ``limit`` characters, an ellipsis marking a cut."""
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def starts_like_a_formula(text):
    """True if a spreadsheet might run ``text`` as a formula."""
    if text.startswith(FORMULA_PREFIXES):
        return True
    rest = _LEADING_NOISE.sub("", text)
    return unicodedata.normalize("NFKC", rest[:1])[:1] in _ASCII_FORMULA_STARTS


def spreadsheet_safe(value):
    """A CSV cell a spreadsheet shows as text, never runs as a formula (CSV injection).

    Direction controls and hidden characters are dropped (a spreadsheet would obey them),
    the cell is capped at SPREADSHEET_CELL_MAX_LENGTH, and a cell that could start a
    formula gets a leading apostrophe, which spreadsheets show as plain text.
    """
    text = "" if value is None else str(value)
    text = REORDERING_OR_HIDDEN.sub("", text)
    text = cap(text, SPREADSHEET_CELL_MAX_LENGTH)
    if text and starts_like_a_formula(text):
        return "'" + text
    return text
