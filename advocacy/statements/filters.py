"""The filters journalists apply to statements, shared by the desk, feeds, CSV and API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from advocacy.people.models import LANGUAGE_CHOICES

from .models import Statement

MAX_QUERY_LENGTH = 200


class StatementFilterForm(forms.Form):
    """Validates filter parameters; invalid ones are reported, never passed to the database."""

    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH * 50, label=_("Words"))
    speaker = forms.IntegerField(required=False, min_value=1, label=_("Speaker"))
    country = forms.CharField(required=False, max_length=2, label=_("Country"))
    topic = forms.SlugField(required=False, max_length=100, label=_("Topic"))
    language = forms.ChoiceField(
        required=False, choices=[("", _("Any language"))] + LANGUAGE_CHOICES, label=_("Language")
    )

    def clean_q(self):
        from advocacy.core.search import clean_query

        return clean_query(self.cleaned_data["q"])

    def clean_country(self):
        code = self.cleaned_data["country"].upper()
        if code and not Statement.objects.published().filter(countries__iso_code=code).exists():
            from countries.models import CountryPage

            if not CountryPage.objects.filter(iso_code=code).exists():
                raise forms.ValidationError(
                    _("No country with the code “%(code)s”."), params={"code": code}
                )
        return code

    def filter(self, queryset=None):
        """Apply the valid filters to published statements (newest first)."""
        from advocacy.core.search import query_terms

        statements = Statement.objects.published() if queryset is None else queryset
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("speaker"):
            statements = statements.filter(speaker_id=data["speaker"])
        if data.get("country"):
            statements = statements.filter(countries__iso_code=data["country"])
        if data.get("topic"):
            statements = statements.filter(topics__slug=data["topic"])
        if data.get("language"):
            statements = statements.filter(language=data["language"])
        statements = statements.order_by("-date_said", "-pk").distinct()
        terms = query_terms(data.get("q", ""))
        if terms:
            matching = Statement.objects.published().search(" ".join(terms), operator="and")
            statements = statements.filter(pk__in=[s.pk for s in matching[:1000]])
        return statements
