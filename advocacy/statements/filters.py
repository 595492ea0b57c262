"""The filters journalists apply to statements, shared by the desk, feeds, CSV and API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from advocacy.core.countries import covered_codes
from advocacy.core.search import clean_query, search_text
from advocacy.people.models import LANGUAGE_CHOICES

from .models import NEWEST_FIRST, Statement

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
        return clean_query(self.cleaned_data["q"])

    def clean_country(self):
        # An ISO code; a country without a public page (a draft or restricted one) reads
        # exactly as a country that does not exist: the answer must not reveal that a page
        # is coming (advocacy.core.countries).
        code = self.cleaned_data["country"].upper()
        if code and code not in covered_codes([code]):
            raise forms.ValidationError(
                _("No country with the code “%(code)s”."), params={"code": code}
            )
        return code

    def filter(self, queryset=None):
        """Apply the valid filters to published statements (newest first)."""
        statements = Statement.objects.published() if queryset is None else queryset
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("speaker"):
            statements = statements.filter(speaker_id=data["speaker"])
        if data.get("country"):
            # CountryField(multiple=True) stores "AM,BY,KG": a two-letter code matches whole.
            statements = statements.filter(countries__contains=data["country"])
        if data.get("topic"):
            statements = statements.filter(topics__slug=data["topic"])
        if data.get("language"):
            statements = statements.filter(language=data["language"])
        statements = statements.order_by(*NEWEST_FIRST).distinct()
        text = search_text(data.get("q", ""))
        if text:
            matching = Statement.objects.published().search(text, operator="and")
            statements = statements.filter(pk__in=[s.pk for s in matching[:1000]])
        return statements
