"""The signing form. It validates; the task ``tasks.process_signature`` decides and writes."""

from django_countries import countries

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from advocacy.core import textsafety


def plain_name(value):
    """A name or organisation: letters, marks, spaces and punctuation; no markup, no controls."""
    if "<" in value or ">" in value:
        raise ValidationError(
            _("Please leave out < and >: a name cannot contain HTML."), code="markup"
        )
    if textsafety.has_reordering_or_hidden(value):
        raise ValidationError(
            _(
                "Please retype it without the invisible characters that change the direction"
                " of text or hide it."
            ),
            code="bidi",
        )
    # NUL has its own message (Django's null-character validator).
    if textsafety.has_control(value, allow="\x00"):
        raise ValidationError(
            _("Please retype it without control characters (tabs, line breaks)."),
            code="control",
        )


class CountrySelect(forms.Select):
    """A <select> of the ~250 countries, rendered in Python.

    Django renders each <option> through a template of its own, which made this one field
    most of the sign page's rendering time. The output is the same markup, escaped by
    format_html.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            "{}",
            (
                (
                    format_html('<option value="{}" selected>{}</option>', key, label)
                    if str(key) == chosen
                    else format_html('<option value="{}">{}</option>', key, label),
                )
                for key, label in self.choices
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            options,
        )


class SignatureForm(forms.Form):
    """Sign a petition (as a person) or a pledge (on behalf of an organisation)."""

    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=textsafety.ORGANISATION_MAX_LENGTH,
        required=False,
        validators=[plain_name],
        error_messages={"max_length": _("Please keep it under %(limit_value)d characters.")},
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=textsafety.NAME_MAX_LENGTH,
        validators=[plain_name],
        error_messages={
            "required": _("Please give your name."),
            "max_length": _("Please keep it under %(limit_value)d characters."),
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=textsafety.EMAIL_MAX_LENGTH,
        help_text=_("We email you a link to confirm; your signature counts once you click it."),
        error_messages={
            "required": _("Please give your email address: we send the confirmation link there."),
            "invalid": _("Please check your email address: it should look like name@example.org."),
            "max_length": _("An email address has at most %(limit_value)d characters."),
        },
    )
    country = forms.ChoiceField(
        label=_("Country"),
        widget=CountrySelect,
        error_messages={
            "required": _("Please choose your country."),
            "invalid_choice": _("Please choose a country from the list."),
        },
    )
    show_publicly = forms.BooleanField(
        label=_("Show my first name and country on this page"),
        required=False,
        help_text=_("Optional. Leave it unticked and only the count includes you."),
    )
    consent = forms.BooleanField(
        label=_("I agree to the text above"),
        error_messages={"required": _("Please tick this box to agree, or we cannot count you.")},
    )
    # Compared as text with what the page showed: whatever is tampered gets one clear message.
    consent_version = forms.CharField(widget=forms.HiddenInput, required=False)
    call_to_action = forms.CharField(widget=forms.HiddenInput, required=False)
    # A field people never see (hidden by CSS, skipped by screen readers and the keyboard);
    # form-filling robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, call_to_action, consent, **kwargs):
        self.call_to_action = call_to_action
        self.consent_shown = consent
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("call_to_action", call_to_action.pk)
        initial.setdefault("consent_version", getattr(self.consent_shown, "version", None))
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose…")), *countries]
        self.fields["email"].widget.attrs.update(autocomplete="email", spellcheck="false")
        self.fields["name"].widget.attrs.update(autocomplete="name")
        if call_to_action.is_pledge:
            self.fields["organisation"].required = True
            self.fields["organisation"].error_messages["required"] = _(
                "Please give the organisation's name."
            )
            self.fields["organisation"].widget.attrs.update(autocomplete="organization")
            self.fields["name"].label = _("Contact person")
            self.fields["name"].error_messages["required"] = _("Please give a contact person.")
            self.fields["email"].label = _("Contact email address")
            self.fields["country"].label = _("Organisation's country")
            self.fields["show_publicly"].label = _(
                "Show our organisation's name and country on this page"
            )
        else:
            del self.fields["organisation"]
        if not call_to_action.show_recent_signers:
            del self.fields["show_publicly"]

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def clean_call_to_action(self):
        value = self.cleaned_data.get("call_to_action")
        if value != str(self.call_to_action.pk):
            raise ValidationError(
                _(
                    "This form belongs to another call to action. Please reload the page and"
                    " sign again."
                ),
                code="wrong_action",
            )
        return value

    def clean_consent_version(self):
        value = self.cleaned_data.get("consent_version")
        shown = self.consent_shown
        if shown is None or value != str(shown.version):
            raise ValidationError(
                _(
                    "The text you agree to has changed since this page was opened. Please read"
                    " it again and tick the box."
                ),
                code="consent_changed",
            )
        return shown

    def clean(self):
        cleaned = super().clean()
        # Shown again after an error, the form carries the current consent version and this
        # call to action's id, and leaves the box unticked when the text changed: the person
        # reads the new text and ticks again.
        if self.has_error("consent_version") or self.has_error("call_to_action"):
            self.data = self.data.copy()
            self.data["call_to_action"] = self.call_to_action.pk
            self.data["consent_version"] = getattr(self.consent_shown, "version", "")
            if self.has_error("consent_version"):
                self.data.pop("consent", None)
        return cleaned

    def task_arguments(self):
        """What ``tasks.process_signature`` takes: the cleaned data, as JSON-safe values."""
        data = self.cleaned_data
        return {
            "call_to_action": self.call_to_action.pk,
            "consent": data["consent_version"].pk,
            "name": data["name"],
            "email": data["email"],
            "country": data["country"],
            "organisation": data.get("organisation", ""),
            "show_publicly": data.get("show_publicly", False),
        }
