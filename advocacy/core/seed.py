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
