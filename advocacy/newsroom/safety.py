"""What the source-safety review shows a reviewer: the testimonies and images a page or a
statement is about to publish, and the automatic findings about them.

The findings are a help, not a verdict. They catch the slips a tired editor makes (a name
left in a testimony, a photo nobody checked); they cannot see a place, a date or a job that
identifies a source, which is why the review also asks the reviewer to tick a checklist.

What is reviewed (``review_object``):

- every testimony (``advocacy.core.blocks.TestimonyBlock``) in every StreamField of the
  object, at any depth, and a statement whose source is anonymous (its words are a
  testimony);
- every image the object uses: image blocks and image choosers in its StreamFields, its own
  image foreign keys (a report's cover, a country's hero image) and the image shown when it
  is shared (``og_image``).

The findings (``Finding.kind``):

- ``person``: a testimony contains the full name of a Person in the database;
- ``name``: a testimony contains something that looks like a person's full name (see
  ``capitalised_names`` for the heuristic and its limits);
- ``no-record``: an image has no safety record, so nobody has checked it;
- ``faces``: an image is not marked face-free;
- ``caption``: an image's caption (its safety record's, or the one written beside it on this
  page) names a person, and consent is not noted.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django_countries import countries

from django.db import models
from django.utils.translation import gettext as _

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

from advocacy.core.blocks import TestimonyBlock
from advocacy.core.models import ImageSafety
from advocacy.core.textsafety import INVISIBLE
from advocacy.people.models import Person

# --- Names -----------------------------------------------------------------------------------

# A word: letters in any script, with inner apostrophes or hyphens (O'Brien, Anna-Maria).
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s$")
# Capitalised words that start sentences or titles and are never part of a person's name;
# dropped from the front of a run of capitalised words ("When Anna Petrova ..." → Anna Petrova).
# fmt: off
COMMON_WORDS = {
    # English function words and sentence openers
    "a", "after", "all", "also", "although", "an", "and", "another", "any", "as", "at",
    "because", "before", "both", "but", "by", "dear",
    "during", "each", "even", "every", "for", "from", "he", "her", "here", "his", "how",
    "however", "i", "if", "in", "it", "its", "last",
    "later", "many", "may", "me", "mr", "mrs", "ms", "dr", "most", "my", "no", "not", "now",
    "of", "on", "once", "one", "only", "or", "our", "she",
    "since", "so", "some", "still", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "those", "though", "to",
    "today", "until", "we", "what", "when", "where", "which", "while", "who", "why", "with",
    "without", "yes", "yesterday", "you",
    "your",
    # days and months
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december",
    # Russian sentence openers (the site has a Russian locale)
    "в", "и", "но", "мы", "они", "он", "она", "я", "это", "когда", "если", "на", "по",
}
# A run of capitalised words containing one of these names a body, a place or an event,
# not a person ("Interior Ministry", "Supreme Court", "Pride Week").
INSTITUTION_WORDS = {
    "agency", "assembly", "association", "avenue", "bank", "bureau", "centre", "center",
    "church", "city", "club",
    "coalition", "commission", "committee", "community", "congress", "council", "court",
    "day", "department",
    "embassy", "federation", "festival", "forum", "foundation", "front", "government",
    "group", "house", "institute",
    "international", "law", "league", "ministry", "movement", "nations", "network", "office",
    "organisation", "organization",
    "parliament", "party", "police", "pride", "prize", "project", "republic", "rights",
    "school", "service", "society",
    "square", "state", "states", "street", "union", "university", "watch", "week",
}
# Countries (English names from django-countries, their common short forms) and the
# adjectives for the countries this site covers: "Belarusian activists" is not a name.
PLACE_WORDS = {
    "armenia", "armenian", "belarus", "belarusian", "kazakhstan", "kazakh", "kyrgyzstan",
    "kyrgyz", "russia",
    "russian", "soviet", "european", "central", "asia", "asian", "eastern", "western",
    "northern", "southern", "former",
    "lgbti", "lgbt",
}
# fmt: on
NOT_NAMES = {"amnesty international", "human rights watch", "soviet union"}


def normalised(text):
    """Text as a reader sees it: compatibility forms folded (fullwidth letters), invisible
    characters removed (a zero-width space must not hide a name), spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = INVISIBLE.sub("", text)
    return " ".join(text.split())


def _country_words():
    words = set(PLACE_WORDS)
    for _code, name in countries:
        words.update(w.casefold() for w in WORD.findall(str(name)))
    return words - {"and", "of", "the"}


def _is_capitalised(word):
    """Capitalised like a name: an upper-case first letter and lower-case letters after it
    (so "LGBTI", "UN" and "I" are not)."""
    return len(word) > 1 and word[0].isupper() and any(c.islower() for c in word[1:])


def capitalised_names(text):
    """Runs of two or more capitalised words that look like a person's full name.

    The heuristic, kept simple so a reviewer can predict it:
    - a run is two or more capitalised words separated by single spaces only (a comma, a
      full stop or a line break ends it);
    - common sentence openers, days and months are dropped from the front of a run ("The",
      "When", "In May"), so a sentence start is not a name;
    - a run with a word naming an institution, a place or an event ("Ministry", "Court",
      "Pride") or made only of country names and their adjectives is not a name;
    - known organisations ("Amnesty International") are not names.
    It misses names written in lower case or as one word, and flags some titles and place
    names it does not know: the reviewer reads every testimony anyway.
    """
    text = normalised(text)
    places = _country_words()
    found, run, last_end = [], [], None

    def close():
        words = list(run)
        while words and words[0].group().casefold() in COMMON_WORDS:
            words.pop(0)
        folded = [w.group().casefold() for w in words]
        if (
            len(words) >= 2
            and not any(f in INSTITUTION_WORDS for f in folded)
            and not all(f in places for f in folded)
        ):
            # Place words at either end belong to the context ("Belarusian Anna Petrova").
            while words and words[0].group().casefold() in places:
                words.pop(0)
            while words and words[-1].group().casefold() in places:
                words.pop()
            name = text[words[0].start() : words[-1].end()] if len(words) >= 2 else ""
            name = POSSESSIVE.sub("", name)
            if name and name.casefold() not in NOT_NAMES:
                found.append(name)
        run.clear()

    for match in WORD.finditer(text):
        if _is_capitalised(match.group()):
            if run and text[last_end : match.start()] != " ":
                close()
            run.append(match)
        elif run:
            close()
        last_end = match.end()
    if run:
        close()
    return list(dict.fromkeys(found))


def people_named(text, people):
    """The Persons whose full name ``text`` contains (any case, whole words only)."""
    folded = normalised(text).casefold()
    named = []
    for person in people:
        name = normalised(person.name).casefold()
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
            named.append(person)
    return named


# --- What an object publishes ---------------------------------------------------------------


@dataclass
class Testimony:
    """Words of an anonymous source, and where they are in the object."""

    where: str
    words: str
    source_description: str = ""

    @property
    def text(self):
        return f"{self.words}\n{self.source_description}"


@dataclass
class ImageUse:
    """An image the object shows, where, and the caption written beside it there."""

    where: str
    image: AbstractImage
    caption: str = ""


@dataclass
class Finding:
    """One thing the reviewer must look at."""

    kind: str
    where: str
    message: str
    image: AbstractImage | None = None


@dataclass
class Review:
    """The testimonies and images of one revision, and the findings about them."""

    testimonies: list[Testimony] = field(default_factory=list)
    images: list[ImageUse] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def has_anything_to_review(self):
        return bool(self.testimonies or self.images)


def _walk(value, where, testimonies, images, block=None):
    """Collect testimonies and images from a StreamField value, at any depth."""
    if isinstance(value, StreamValue):
        for n, child in enumerate(value, start=1):
            label = f"{where}, block {n} ({child.block.label or child.block_type})"
            _walk(child.value, label, testimonies, images, child.block)
    elif isinstance(value, ListValue):
        for n, child in enumerate(value.bound_blocks, start=1):
            _walk(child.value, f"{where}, item {n}", testimonies, images, child.block)
    elif isinstance(value, StructValue):
        if isinstance(block, TestimonyBlock):
            testimonies.append(
                Testimony(where, value.get("words") or "", value.get("source_description") or "")
            )
            return
        caption = value.get("caption") if isinstance(value.get("caption"), str) else ""
        for name, child in value.items():
            child_block = block.child_blocks.get(name) if block is not None else None
            if isinstance(child, AbstractImage):
                images.append(ImageUse(where, child, caption))
            else:
                _walk(child, where, testimonies, images, child_block)
    elif isinstance(value, AbstractImage):
        images.append(ImageUse(where, value))


def collect(obj):
    """The testimonies and images ``obj`` (a page or snippet, e.g. a revision's object)
    publishes."""
    testimonies, images = [], []
    image_model = get_image_model()
    for model_field in obj._meta.get_fields():
        if isinstance(model_field, StreamField):
            _walk(
                getattr(obj, model_field.name),
                str(model_field.verbose_name).capitalize(),
                testimonies,
                images,
            )
    # A statement from an anonymous source is a testimony.
    if getattr(obj, "anonymous_source", "") and getattr(obj, "text", ""):
        testimonies.append(Testimony(_("The statement's words"), obj.text, obj.anonymous_source))
    # Image foreign keys, by id: a revision may name an image deleted since.
    image_ids = {}
    for model_field in obj._meta.concrete_fields:
        if isinstance(model_field, models.ForeignKey) and issubclass(
            model_field.related_model, image_model
        ):
            image_id = getattr(obj, model_field.attname)
            if image_id:
                image_ids.setdefault(image_id, str(model_field.verbose_name).capitalize())
    by_id = image_model.objects.in_bulk(list(image_ids))
    images += [ImageUse(where, by_id[pk]) for pk, where in image_ids.items() if pk in by_id]
    shared = getattr(obj, "og_image", None)
    if isinstance(shared, AbstractImage) and shared.pk not in {u.image.pk for u in images}:
        images.append(ImageUse(_("Image shown when the page is shared"), shared))
    return testimonies, images


def review_object(obj):
    """Collect what ``obj`` publishes and what the reviewer should look at."""
    testimonies, images = collect(obj)
    review = Review(testimonies=testimonies, images=images)
    people = list(Person.objects.only("name")) if testimonies or images else []

    for testimony in testimonies:
        named = people_named(testimony.text, people)
        for person in named:
            review.findings.append(
                Finding(
                    "person",
                    testimony.where,
                    _("The testimony names %(name)s, a person in the database.")
                    % {"name": person.name},
                )
            )
        known = [normalised(p.name).casefold() for p in named]
        for name in capitalised_names(testimony.text):
            # Already found as a Person ("Anna Petrova", or "Dr Anna Petrova" around it).
            if not any(k in name.casefold() or name.casefold() in k for k in known):
                review.findings.append(
                    Finding(
                        "name",
                        testimony.where,
                        _("The testimony contains “%(name)s”, which looks like a full name.")
                        % {"name": name},
                    )
                )

    records = ImageSafety.objects.in_bulk([use.image.pk for use in images], field_name="image_id")
    for use in images:
        record = records.get(use.image.pk)
        title = use.image.title
        if record is None:
            review.findings.append(
                Finding(
                    "no-record",
                    use.where,
                    _(
                        "Image “%(title)s” has no safety record: nobody has noted whether"
                        " anyone can be recognised in it."
                    )
                    % {"title": title},
                    use.image,
                )
            )
        elif not record.face_free:
            review.findings.append(
                Finding(
                    "faces",
                    use.where,
                    _("Image “%(title)s” is not marked face-free.") % {"title": title},
                    use.image,
                )
            )
        consent = record is not None and record.consent_noted
        if consent:
            continue
        for caption in dict.fromkeys(
            c for c in [record.caption if record else "", use.caption] if c
        ):
            names = [p.name for p in people_named(caption, people)]
            names += [n for n in capitalised_names(caption) if n not in names]
            if names:
                review.findings.append(
                    Finding(
                        "caption",
                        use.where,
                        _(
                            "The caption of image “%(title)s” names %(names)s, and no consent"
                            " is noted."
                        )
                        % {"title": title, "names": ", ".join(names)},
                        use.image,
                    )
                )
    return review


def review_revision(revision):
    """The review of one saved revision of a page or snippet."""
    return review_object(revision.as_object())
