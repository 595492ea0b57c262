from django import template

from advocacy.core.dates import datetime_attribute

register = template.Library()


@register.filter
def datetime_attr(value):
    """For <time datetime="…">: a date, or a moment in UTC to the whole second."""
    return datetime_attribute(value)
