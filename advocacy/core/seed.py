"""The seed press release that the demo content is built from, read word for word."""

import re
from functools import cache
from pathlib import Path

SEED_FILE = Path(__file__).resolve().parent / "seeds" / "less-equal-press-release.txt"
HEADINGS = ("Crackdown on LGBTI rights", "Marginalised by the human rights community")


@cache
def press_release():
    """(headline, blocks): blocks are ("heading" | "paragraph", text) in reading order.

    The text file was extracted from a PDF: paragraphs are separated by blank lines,
    lines are wrapped, and a page break can split a paragraph (the next part then starts
    in lower case). Whitespace is normalised; every character of the words is kept.
    """
    text = SEED_FILE.read_text(encoding="utf-8")
    chunks = [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    paragraphs = []
    for chunk in chunks:
        if paragraphs and chunk[0].islower():
            paragraphs[-1] = f"{paragraphs[-1]} {chunk}"
        else:
            paragraphs.append(chunk)
    headline, *rest = paragraphs
    blocks = [("heading" if p in HEADINGS else "paragraph", p) for p in rest]
    return headline, blocks


def paragraph(startswith):
    """The one paragraph of the release that starts with these words."""
    matches = [
        t for kind, t in press_release()[1] if kind == "paragraph" and t.startswith(startswith)
    ]
    if len(matches) != 1:
        raise LookupError(f"{len(matches)} paragraphs start with {startswith!r}")
    return matches[0]


@cache
def release_text():
    """The whole release as one line of words (whitespace normalised, every character kept)."""
    headline, blocks = press_release()
    return " ".join([headline, *(text for _kind, text in blocks)])


def excerpt(start, end=None):
    """The release's own words from ``start`` to the end of ``end`` (or the end of the
    sentence ``start`` begins): what a fact's "source excerpt" quotes, word for word."""
    text = release_text()
    at = text.find(start)
    if at < 0 or text.find(start, at + 1) >= 0:
        raise LookupError(f"{start!r} is not once in the release")
    if end is None:
        stop = text.find(". ", at)
        stop = len(text) if stop < 0 else stop + 1
    else:
        found = text.find(end, at)
        if found < 0:
            raise LookupError(f"{end!r} does not follow {start!r} in the release")
        stop = found + len(end)
    return text[at:stop]
