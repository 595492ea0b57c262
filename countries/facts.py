"""The structured facts a country page records, their allowed statuses and how they read."""

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
    PROPOSED = "proposed", _("Proposed")
    ADOPTED = "adopted", _("Adopted")
    YES = "yes", _("Yes")
    NO = "no", _("No")
    REGISTERED = "registered", _("Registered NGOs exist")
    INFORMAL = "informal", _("Only informal groups and individual activists")
    BANNED = "banned", _("Banned")
    ATTACKED = "attacked", _("Attacked")
    HELD = "held", _("Held")
    INADEQUATE = "inadequate", _("Often fails to prevent and investigate")
    ADEQUATE = "adequate", _("Prevents and investigates")
    NOT_STATED = "not_stated", _("Not stated in the report")


# Which statuses each topic may take: anything else is refused at the field.
ALLOWED_STATUSES = {
    Topic.PROPAGANDA_LAW: [Status.NONE, Status.PROPOSED, Status.ADOPTED, Status.NOT_STATED],
    Topic.MARRIAGE_BAN: [Status.YES, Status.NO, Status.NOT_STATED],
    Topic.ORGANISATIONS: [Status.REGISTERED, Status.INFORMAL, Status.NOT_STATED],
    Topic.PRIDE: [Status.BANNED, Status.ATTACKED, Status.HELD, Status.NOT_STATED],
    Topic.POLICE: [Status.INADEQUATE, Status.ADEQUATE, Status.NOT_STATED],
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
    Status.NONE: "good",
    Status.NO: "good",
    Status.REGISTERED: "good",
    Status.HELD: "good",
    Status.ADEQUATE: "good",
    Status.NOT_STATED: "unknown",
}
SYMBOLS = {"bad": "✕", "mixed": "!", "good": "✓", "unknown": "?"}
TONE_LABELS = {
    "bad": _("restrictive"),
    "mixed": _("under threat"),
    "good": _("protective"),
    "unknown": _("unknown"),
}
