"""Template helpers for reports: a file's size as readers read it next to a link."""

from math import ceil

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext

register = template.Library()

KB = 1024
MB = 1024 * KB


@register.filter
def file_size(size):
    """“412 KB”, “1.4 MB”: whole kilobytes (rounded up) below a megabyte."""
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    if size < MB:
        return gettext("%(size)s KB") % {"size": max(1, ceil(size / KB))}
    return gettext("%(size)s MB") % {"size": number_format(size / MB, 1)}
