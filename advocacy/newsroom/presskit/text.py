"""A press release as plain text, for the press kit: title, date (or “date not given in the
source”), dateline and standfirst, the body, footnotes as numbered notes, notes to editors.

Only what the public sees on the release's page goes in: a pull quote whose statement is
not published, a call to action and a share box are left out, and a link keeps its words
(with the address only when it points to another website).
"""

import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from advocacy.core.textsafety import INVISIBLE
from advocacy.core.visibility import is_published

FOOTNOTE_TAG = re.compile(r'<footnote id="(.*?)">.*?</footnote>', re.DOTALL)
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol"}
EXTERNAL = ("http://", "https://", "mailto:")


class _TextParser(HTMLParser):
    """Rich text (Wagtail's stored HTML) to paragraphs of plain text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self.words = []
        self.prefix = ""
        self.lists = []  # one [kind, items so far] per open list
        self.links = []  # the external address of each open link, or None

    def flush(self):
        text = " ".join("".join(self.words).split())
        if text:
            self.paragraphs.append(self.prefix + text)
        self.words, self.prefix = [], ""

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.flush()
            if tag in ("ul", "ol"):
                self.lists.append([tag, 0])
        elif tag == "li":
            self.flush()
            indent = "  " * max(len(self.lists) - 1, 0)
            if self.lists and self.lists[-1][0] == "ol":
                self.lists[-1][1] += 1
                self.prefix = f"{indent}{self.lists[-1][1]}. "
            else:
                self.prefix = f"{indent}- "
        elif tag == "br":
            self.words.append(" ")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href if href.startswith(EXTERNAL) else None)

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS or tag == "li":
            self.flush()
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
        elif tag == "a" and self.links:
            href = self.links.pop()
            shown = "".join(self.words)
            if href and href.removeprefix("mailto:") not in shown:
                self.words.append(f" ({href.removeprefix('mailto:')})")

    def handle_data(self, data):
        self.words.append(data)

    def close(self):
        super().close()
        self.flush()


def rich_text_paragraphs(html):
    """The paragraphs (and list items) of rich text as plain text."""
    parser = _TextParser()
    parser.feed(INVISIBLE.sub("", str(html or "")))
    parser.close()
    return parser.paragraphs


class FootnoteNumbers:
    """Numbers a page's footnotes in reading order, as the page does (wagtail-footnotes):
    the first one referenced is [1]; a footnote referenced again keeps its number; one never
    referenced is left out."""

    def __init__(self, footnotes):
        self.by_uuid = {str(footnote.uuid): footnote for footnote in footnotes}
        self.used = []

    def replace(self, html):
        def number(match):
            footnote = self.by_uuid.get(match.group(1))
            if footnote is None:
                return ""
            if footnote not in self.used:
                self.used.append(footnote)
            return f"[{self.used.index(footnote) + 1}]"

        return FOOTNOTE_TAG.sub(number, str(html))

    def notes(self):
        """“[1] The footnote's text.” for each footnote referenced."""
        return [
            f"[{n}] " + " ".join(rich_text_paragraphs(footnote.text))
            for n, footnote in enumerate(self.used, start=1)
        ]


def heading(text, underline):
    return f"{text}\n{underline * len(text)}"


def body_paragraphs(body, footnotes):
    """The story body's blocks as plain-text paragraphs, in order."""
    paragraphs = []
    for block in body:
        kind, value = block.block_type, block.value
        if kind == "paragraph":
            paragraphs += rich_text_paragraphs(footnotes.replace(value.source))
        elif kind == "heading":
            paragraphs.append(heading(value["text"], "-" if value["level"] == "h2" else "~"))
        elif kind == "pull_quote" and is_published(value):
            paragraphs.append(f"“{value.text}”\n— {value.attribution}")
        elif kind == "testimony":
            paragraphs.append(f"“{value['words']}”\n— {value['source_description']}")
        elif kind == "fact":
            paragraphs.append(f"{value['figure']}: {value['label']}")
        elif kind == "image" and (value["caption"] or value["credit"]):
            words = " · ".join(part for part in (value["caption"], value["credit"]) if part)
            paragraphs.append(f"[{_('Image')}: {words}]")
        # Calls to action and share boxes are for readers of the site, not the press.
    return paragraphs


def press_release_text(release, *, report=None, url=""):
    """The whole release as plain text (``report``: its public report, or None)."""
    footnotes = FootnoteNumbers(release.footnotes.all())
    parts = [heading(release.title, "=")]
    parts.append(f"{_('Press release')} · {_('Date')}: {release.date_label}")
    if release.standfirst:
        dateline = f"{release.dateline} — " if release.dateline else ""
        parts.append(dateline + release.standfirst)
    parts += body_paragraphs(release.body, footnotes)
    notes = footnotes.notes()
    if notes:
        parts.append(heading(_("Notes"), "-") + "\n" + "\n".join(notes))
    if release.notes_to_editors:
        editors = rich_text_paragraphs(release.notes_to_editors)
        parts.append(heading(_("Notes to editors"), "-") + "\n" + "\n\n".join(editors))
    if report is not None:
        parts.append(f"{_('The report')}: {report.full_title}\n{report.get_full_url() or ''}")
    if url:
        parts.append(f"{_('Online')}: {url}")
    return "\n\n".join(part.strip() for part in parts if part.strip()) + "\n"
