"""How a date the source does not give is shown: in words, never as the day it was entered.

The seed press release, and many testimonies, carry no date. A statement or a press release
without one says so, in exactly these words, wherever a date would show (the quote desk,
permalinks, citations, the CSV, feeds, the API); structured data leaves the date out rather
than invent one.
"""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

DATE_NOT_GIVEN = _("date not given in the source")


def date_label(value, fmt="j E Y"):
    """The date as printed (“25 November 2026”), or DATE_NOT_GIVEN when there is none; a
    time is read in the site's time zone, as templates show it."""
    if value is None:
        return DATE_NOT_GIVEN
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_date(value, fmt)


def datetime_attribute(value):
    """``value`` as the ``datetime`` attribute of a <time> element: a date as 2026-11-25, a
    moment in UTC to the whole second (2026-11-25T20:22:39Z). HTML allows no more than
    three digits of a second's fraction, so Python's isoformat() (six) is not valid there."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(datetime.UTC)
            return value.strftime("%Y-%m-%dT%H:%M:%SZ")
        return value.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
