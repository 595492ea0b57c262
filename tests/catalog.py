"""Reading gettext catalogs (.po files) in tests: which strings exist and which are translated.

A small reader of the PO format as makemessages and msgmerge write it (msgctxt, msgid,
msgid_plural, msgstr, msgstr[n], "#, fuzzy" flags); enough to compare catalogs, not a
general PO library.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

LINE = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@dataclass
class Message:
    """One catalog entry: the English string(s), the translation(s) and the flags."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict = field(default_factory=dict)  # form index -> text; 0 for a singular
    fuzzy: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def translated(self):
        return bool(self.msgstr) and all(self.msgstr.values()) and not self.fuzzy

    @property
    def english(self):
        """The English strings a reader would see untranslated (singular and plural)."""
        return [s for s in (self.msgid, self.msgid_plural) if s]

    @property
    def translations(self):
        return list(self.msgstr.values())


def read_po(path):
    """{(msgctxt, msgid): Message} for every entry but the header."""
    messages, current, last = {}, None, None

    def finish():
        if current is not None and current.msgid:
            messages[current.key] = current

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            current, last = None, None
            continue
        if current is None:
            current = Message()
        if line.startswith("#,") and "fuzzy" in line:
            current.fuzzy = True
        if line.startswith("#"):
            continue
        match = LINE.match(line)
        if match:
            keyword, index, quoted = match.groups()
            index = int(index or 0)
            last = (keyword, index)
            value = json.loads(quoted)
        elif line.startswith('"') and last:
            keyword, index = last
            value = json.loads(line)
            if keyword == "msgstr":
                current.msgstr[index] += value
            else:
                setattr(current, keyword, getattr(current, keyword) + value)
            continue
        else:
            continue
        if keyword == "msgstr":
            current.msgstr[index] = value
        else:
            setattr(current, keyword, value)
    finish()
    return messages


def as_pattern(english):
    """A regex that matches the English string as rendered: placeholders stand for any text,
    and runs of whitespace for any whitespace."""
    parts = PLACEHOLDER.split(" ".join(english.split()))
    return re.compile(r".+?".join(re.escape(part).replace(r"\ ", r"\s+") for part in parts))
