"""Choice labels without Django's per-call work.

Django's ``get_FOO_display()`` rebuilds a hashable dict of the field's choices on every call:
for a language or country field (a hundred choices and more) shown once per row of a
listing, that is most of the time a listing spends outside the database. A model with
``ChoiceLabelsMixin`` first in its bases reads each field's labels from a dict built once per
field (the labels stay lazy: each call gives them in the active language).
"""

import functools

from django.utils.encoding import force_str


@functools.cache
def _labels(field):
    return dict(field.flatchoices)


class ChoiceLabelsMixin:
    def _get_FIELD_display(self, field):  # noqa: N802 (Django's name)
        value = getattr(self, field.attname)
        try:
            label = _labels(field).get(value, value)
        except TypeError:  # an unhashable value: Django's own way
            return super()._get_FIELD_display(field)
        return force_str(label, strings_only=True)
