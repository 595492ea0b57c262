"""Hostile or broken input: a clear error, nothing stored, nothing rendered unescaped."""

import pytest

from django.core import mail

from advocacy.actions.factories import CallToActionFactory
from advocacy.actions.models import Signature
from tests.html import one, text, texts

from .signer import form_data, sign

pytestmark = pytest.mark.django_db

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def field_errors(response):
    return texts(response, ".field__error")


def summary(response):
    return text(response, ".error-summary")


def assert_nothing_stored():
    assert not Signature.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (MARKUP, "Please leave out < and >: a name cannot contain HTML."),
        ("Ann\x00Smith", "Null characters are not allowed."),
        (
            "Ann \u202eevil\u202c Smith",
            "without the invisible characters that change the direction",
        ),
        ("\u2067Ann\u2069", "without the invisible characters that change the direction"),
        ("Ann\tSmith\n", "without control characters"),
        ("A" * 10_000, "Please keep it under 100 characters."),
        ("   ", "Please give your name."),
        ("", "Please give your name."),
    ],
)
def test_bad_names_are_refused_with_a_clear_message(client, petition, name, message):
    response = sign(client, petition, name=name)

    assert response.status_code == 200
    assert any(message in error for error in field_errors(response)), field_errors(response)
    assert "Your signature was not recorded yet" in response.content.decode()
    assert_nothing_stored()


@pytest.mark.parametrize(
    "email",
    [
        "a" * 320 + "@example.org",
        "someone@" + "a." * 2000 + "org",
        "someone@" + ".".join(["x"] * 5000),
        "not-an-address",
        "someone@example.org\x00",
        "someone@example.org\r\nBcc: victim@example.org",
        MARKUP + "@example.org",
        "",
    ],
)
def test_bad_email_addresses_are_refused(client, petition, email):
    # How long validation takes for hostile input is a benchmark's business, not a test's.
    response = sign(client, petition, email=email)

    assert response.status_code == 200
    assert field_errors(response), "the email field shows an error"
    assert_nothing_stored()


def test_missing_consent_is_refused(client, petition):
    response = sign(client, petition, consent=None)

    assert "Please tick this box to agree, or we cannot count you." in field_errors(response)
    assert_nothing_stored()


@pytest.mark.parametrize("version", ["", "0", "99", "abc", "1; DROP TABLE"])
def test_tampered_consent_version_is_refused_and_the_form_shows_the_current_text(
    client, petition, version
):
    response = sign(client, petition, consent_version=version)

    assert "The text you agree to has changed since this page was opened" in summary(response)
    assert one(response, 'input[name="consent_version"]')["value"] == "1"
    assert not one(response, 'input[type="checkbox"][name="consent"]').has_attr("checked")
    assert_nothing_stored()


def test_consent_text_changed_while_the_page_was_open(client, petition):
    petition.consent_text = "A new wording of what signers agree to."
    petition.save()

    response = sign(client, petition, consent_version="1")

    assert "The text you agree to has changed" in summary(response)
    assert "A new wording of what signers agree to." in response.content.decode()
    assert one(response, 'input[name="consent_version"]')["value"] == "2"
    assert_nothing_stored()

    sign(client, petition, consent_version="2")
    assert Signature.objects.get().consent.text == "A new wording of what signers agree to."


@pytest.mark.parametrize("forged", ["", "0", "999999", "-1", "abc"])
def test_forged_call_to_action_id_is_refused(client, petition, forged):
    response = sign(client, petition, call_to_action=forged)

    assert "This form belongs to another call to action" in summary(response)
    assert_nothing_stored()


def test_a_form_posted_to_another_actions_address_is_refused(client, petition):
    other = CallToActionFactory()

    response = client.post(other.get_absolute_url(), form_data(petition))

    assert "This form belongs to another call to action" in summary(response)
    assert_nothing_stored()


def test_closed_petition_refuses_a_signature(client, home):
    closed = CallToActionFactory(closed=True)

    response = sign(client, closed)

    assert response.status_code == 409
    assert "Your signature was not recorded" in response.content.decode()
    assert_nothing_stored()


def test_unknown_country_is_refused(client, petition):
    response = sign(client, petition, country="XX")

    assert "Please choose a country from the list." in field_errors(response)
    assert_nothing_stored()


def test_the_form_keeps_what_the_person_typed_escaped(client, petition):
    response = sign(
        client,
        petition,
        name='"><script>alert(1)</script>',
        email="not an address",
        country="AM",
        show_publicly="on",
    )

    # On the raw bytes: a parser would read an unescaped script as a harmless element.
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert one(response, 'input[name="name"]')["value"] == '"><script>alert(1)</script>'
    assert one(response, 'input[name="email"]')["value"] == "not an address"
    chosen = one(response, 'select[name="country"] option[selected]')
    assert (chosen["value"], text(chosen)) == ("AM", "Armenia")
    assert one(response, 'input[type="checkbox"][name="show_publicly"]').has_attr("checked")
    assert_nothing_stored()


def test_names_that_are_fine_but_unusual_are_stored_as_typed_and_shown_escaped(client, petition):
    # Apostrophes, ampersands, Cyrillic, Armenian and a leading "=" are all legitimate.
    name = "=O'Brien & Сергей Հայկ"
    sign(client, petition, name=name, show_publicly="on")
    from .signer import confirmation_link, last_mail

    client.post(confirmation_link(last_mail()))

    assert Signature.objects.get().name == name
    page = client.get(petition.get_absolute_url())
    assert texts(page, ".signers li") == ["=O'Brien, Kazakhstan"]
    # On the raw bytes: a parser reads an apostrophe the same, sent escaped or not.
    assert "=O&#x27;Brien" in page.content.decode()


def test_honeypot_looks_like_success_but_stores_and_sends_nothing(client, petition):
    response = sign(client, petition, website="https://spam.example")

    assert response.status_code == 302
    assert response.url.endswith("/check-your-email/")
    assert_nothing_stored()


def test_honeypot_is_invisible_and_unreachable_for_people(client, petition):
    page = client.get(petition.get_absolute_url())

    trap = one(page, 'div.form__trap[aria-hidden="true"]')
    assert one(trap, 'input[tabindex="-1"]') is one(trap, 'input[autocomplete="off"]')
    from pathlib import Path

    css = Path("static/css/site.css").read_text()
    assert ".form__trap { display: none; }" in css


def test_a_post_without_csrf_token_is_refused(petition):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        petition.get_absolute_url(), form_data(petition)
    )

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert_nothing_stored()


def test_a_huge_form_body_is_refused(client, petition):
    data = form_data(petition)
    data.update({f"field{n}": "x" for n in range(11_000)})

    response = client.post(petition.get_absolute_url(), data)

    assert response.status_code == 400
    assert_nothing_stored()
