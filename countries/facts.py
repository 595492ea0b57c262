"""The structured facts a country page records, their allowed statuses and how they read.

A status may say no more than the source's words (the fact's excerpt) say: "a small number
of NGOs are registered" where "freedom of association is limited" is not protective, and a
sentence about the former Soviet Republics as a whole is not a finding about one of them.
Every topic therefore offers "Mixed / limited" and "Stated for the region as a whole", and
"Not stated in the source" rather than a guess.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    PROPAGANDA_LAW = "propaganda_law", _("“Propaganda” law")
    MARRIAGE_BAN = "marriage_ban", _("Constitutional ban on same-sex marriage")
    ORGANISATIONS = "organisations", _("LGBTI organisations")
    PRIDE = "pride", _("Pride and public events")
    POLICE = "police", _("Police response to hate crimes")


class Status(models.TextChoices):
    NONE = "none", _("None")
    PROPOSED = "proposed", _("Attempted, not adopted so far")
    ADOPTED = "adopted", _("Adopted")
    YES = "yes", _("Yes")
    NO = "no", _("No")
    # Stored as "registered" since the first version; it never meant "protected".
    REGISTERED = "registered", _("A small number of NGOs are registered")
    INFORMAL = "informal", _("Only activists and informal groups are active")
    BANNED = "banned", _("Banned")
    ATTACKED = "attacked", _("Attacked")
    HELD = "held", _("Held")
    INADEQUATE = "inadequate", _("Often fails to prevent and investigate effectively")
    ADEQUATE = "adequate", _("Prevents and investigates")
    LIMITED = "limited", _("Mixed / limited")
    REGIONAL = "regional", _("Stated for the region as a whole")
    NOT_STATED = "not_stated", _("Not stated in the source")


# What every topic may take besides its own statuses: a qualified finding, a sentence about
# the whole region, or nothing at all.
QUALIFIED = [Status.LIMITED, Status.REGIONAL, Status.NOT_STATED]

# Which statuses each topic may take: anything else is refused at the field.
ALLOWED_STATUSES = {
    Topic.PROPAGANDA_LAW: [Status.NONE, Status.PROPOSED, Status.ADOPTED, *QUALIFIED],
    Topic.MARRIAGE_BAN: [Status.YES, Status.NO, *QUALIFIED],
    Topic.ORGANISATIONS: [Status.REGISTERED, Status.INFORMAL, *QUALIFIED],
    Topic.PRIDE: [Status.BANNED, Status.ATTACKED, Status.HELD, *QUALIFIED],
    Topic.POLICE: [Status.INADEQUATE, Status.ADEQUATE, *QUALIFIED],
}

# Topics whose status is tied to a year (the law's adoption, the amendment).
YEAR_TOPICS = {Topic.PROPAGANDA_LAW, Topic.MARRIAGE_BAN}

# How a status reads at a glance: a tone for colour and a symbol, never colour alone.
TONES = {
    Status.ADOPTED: "bad",
    Status.YES: "bad",
    Status.INFORMAL: "bad",
    Status.BANNED: "bad",
    Status.ATTACKED: "bad",
    Status.INADEQUATE: "bad",
    Status.PROPOSED: "mixed",
    Status.REGISTERED: "mixed",
    Status.LIMITED: "mixed",
    Status.NONE: "good",
    Status.NO: "good",
    Status.HELD: "good",
    Status.ADEQUATE: "good",
    Status.REGIONAL: "region",
    Status.NOT_STATED: "unknown",
}
SYMBOLS = {"bad": "✕", "mixed": "!", "good": "✓", "region": "≈", "unknown": "?"}
TONE_LABELS = {
    "bad": _("restrictive"),
    "mixed": _("mixed / limited"),
    "good": _("protective"),
    "region": _("stated for the region as a whole"),
    "unknown": _("not stated in the source"),
}

# Words in an excerpt that rule out a protective ("good") status: the source qualifies or
# restricts what it reports (checked by the tests and offered as a hint in the admin).
LIMITING_WORDS = ("limited", "a small number", "forbidden", "attack", "failing")
