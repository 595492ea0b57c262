"""Admin form widgets the apps share."""

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .countries import covered_codes


class CountryCheckboxes(forms.CheckboxSelectMultiple):
    """Countries as checkboxes: the ones the site covers first, every other one folded away.

    Editors mostly tag the few countries with a country page; ~250 checkboxes (or a list
    they must Ctrl-click) would bury them. The covered countries, and any country already
    ticked, are shown; the rest wait under "Other countries", a ``<details>`` that opens
    without JavaScript (and the browser's find-in-page finds a country there).
    """

    template_name = "core/admin/country_checkboxes.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = set(self.format_value(value))
        first_codes = covered_codes() | chosen
        option_attrs = self.build_attrs(self.attrs, attrs)
        first, other = [], []
        choices = [(str(code), label) for code, label in self.choices if code]
        for index, (code, label) in enumerate(choices):
            option = self.create_option(
                name, code, label, code in chosen, index, attrs=option_attrs
            )
            (first if code in first_codes else other).append(option)
        context["widget"]["first"] = first
        context["widget"]["other"] = other
        return context

    def format_value(self, value):
        return [str(getattr(code, "code", code)) for code in value or ()]

    def render(self, name, value, attrs=None, renderer=None):
        # The project's template folder, not the form renderer's (which sees only Django's
        # and the apps' own widget templates).
        context = self.get_context(name, value, attrs)
        return mark_safe(render_to_string(self.template_name, context))  # noqa: S308
