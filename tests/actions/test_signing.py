"""A person signs, confirms through the emailed link, and is counted once."""

import datetime
import re

import pytest

from django.core import mail
from django.test import override_settings
from django.utils import timezone

from advocacy.actions import services
from advocacy.actions.factories import CallToActionFactory, SignatureFactory
from advocacy.actions.models import CallToAction, Signature
from tests.html import hrefs, links, one, select, soup, text, texts

from .signer import confirmation_link, last_mail, sign

pytestmark = pytest.mark.django_db


def raw_page(response):
    """The raw page, compared byte for byte, so that no difference at all (not even one a
    parser would hide) tells one signer from another. Pages carry no per-response nonce."""
    return response.content.decode()


def test_sign_page_shows_the_demand_progress_and_a_form_that_needs_no_javascript(client, petition):
    response = client.get(petition.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert text(html, "h1") == "Let LGBTI groups work"
    assert petition.demand in html
    assert text(html, ".progress__label") == "Be the first to sign."
    assert not select(html, "progress.progress__bar")
    form = one(html, 'form.sign-form[method="post"]')
    assert form["action"] == "/act/let-lgbti-groups-work/"
    assert one(form, 'input[name="csrfmiddlewaretoken"]')
    for label in ("Your name", "Email address", "Country", "I agree to the text above"):
        assert label in html
    assert petition.consent_text in html
    assert "How we handle your data" not in html  # no privacy page in this site yet
    assert select(html, "[style]") == []


def test_privacy_notice_links_to_the_privacy_page(client, petition, home):
    from advocacy.core.factories import StandardPageFactory

    StandardPageFactory(parent=home, slug="privacy", title="Privacy")

    html = client.get(petition.get_absolute_url()).content.decode()

    assert ("How we handle your data", "/privacy/") in links(html)
    assert "never your IP address" in html


def test_signing_stores_a_pending_signature_and_emails_an_expiring_link(client, petition):
    response = sign(client, petition, email="  Aruzhan@Example.ORG ")

    assert response.status_code == 302
    assert response.url == "/act/let-lgbti-groups-work/check-your-email/"
    signature = Signature.objects.get()
    assert signature.email == "Aruzhan@example.org"  # trimmed, domain lower-cased
    assert signature.name == "Aruzhan Example"
    assert signature.country.code == "KZ"
    assert signature.show_publicly is False
    assert signature.consent.version == 1
    assert signature.confirmed_at is None
    assert len(mail.outbox) == 1
    message = last_mail()
    assert message.to == ["Aruzhan@example.org"]
    assert message.subject == "Confirm your signature: Let LGBTI groups work"
    assert "/act/confirm/" in message.body
    assert "48 hours" in message.body
    assert "Aruzhan Example" not in message.body  # nothing the visitor typed is mailed
    petition.refresh_from_db()
    assert petition.confirmed_count == 0


def test_check_your_email_page_says_the_same_whoever_signed(client, petition):
    response = client.get(sign(client, petition).url)

    html = response.content.decode()
    assert "Check your email" in html
    assert "If this address has signed before, the message says so instead" in html
    assert "aruzhan" not in html.lower()


def test_opening_the_link_does_not_confirm_pressing_the_button_does(client, petition):
    sign(client, petition)
    link = confirmation_link(last_mail())

    page = client.get(link)

    assert page.status_code == 200
    assert "Confirm my signature" in page.content.decode()
    assert "Aruzhan Example" in page.content.decode()
    assert Signature.objects.get().confirmed_at is None

    done = client.post(link)

    html = done.content.decode()
    assert done.status_code == 200
    assert "Thank you: your signature is confirmed" in html
    assert petition.thank_you in html
    assert text(html, ".progress__label").startswith("1 person has signed")
    assert Signature.objects.get().confirmed_at is not None
    petition.refresh_from_db()
    assert petition.confirmed_count == 1
    assert text(client.get(petition.get_absolute_url()), ".progress__label").startswith(
        "1 person has signed"
    )


def test_confirming_twice_counts_once(client, petition):
    sign(client, petition)
    link = confirmation_link(last_mail())
    client.post(link)

    again = client.post(link)

    assert "You have already signed" in again.content.decode()
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


@pytest.mark.parametrize(
    "second_email",
    [
        "aruzhan@example.org",
        "ARUZHAN@EXAMPLE.ORG",
        "  Aruzhan@Example.org\t",
        "aruzhan@EXAMPLE.org",
    ],
)
def test_a_second_signature_from_the_same_address_adds_no_row_and_is_told_kindly(
    client, petition, second_email
):
    sign(client, petition)
    client.post(confirmation_link(last_mail()))
    first_page = client.get(sign(client, petition, email="someone.else@example.org").url)

    response = sign(client, petition, email=second_email, name="Another Name")

    assert response.status_code == 302
    assert Signature.objects.filter(call_to_action=petition).count() == 2
    assert Signature.objects.filter(email="Aruzhan@example.org").count() == 0
    assert Signature.objects.get(email="aruzhan@example.org").name == "Aruzhan Example"
    message = last_mail()
    assert message.subject == "You have already signed: Let LGBTI groups work"
    assert "Each address counts once, so there is nothing more to do" in message.body
    assert "/act/confirm/" not in message.body
    # The visitor sees the very page a first-time signer sees: no stranger can learn
    # from the site whether an address has signed.
    assert raw_page(client.get(response.url)) == raw_page(first_page)
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


def test_signing_again_before_confirming_sends_a_fresh_link_and_keeps_one_row(client, petition):
    sign(client, petition, name="First Try")
    first_link = confirmation_link(last_mail())
    sign(client, petition, name="Second Try", email="ARUZHAN@example.org")

    signature = Signature.objects.get()
    assert signature.name == "First Try"
    assert len(mail.outbox) == 2
    assert all(m.subject.startswith("Confirm your signature") for m in mail.outbox)
    assert mail.outbox[1].to == ["aruzhan@example.org"]
    # The fresh link replaces the first one.
    assert client.post(first_link).status_code == 404
    client.post(confirmation_link(mail.outbox[1]))
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


def test_a_pending_signature_cannot_be_overwritten_by_someone_who_knows_the_address(
    client, petition
):
    """Issue 9, item 6: a duplicate never changes the stored row, nor restarts its expiry."""
    sign(client, petition, name="Aruzhan Example", country="KZ")
    before = Signature.objects.get()
    later = timezone.now() + datetime.timedelta(hours=47)

    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=later):
        response = sign(
            client, petition, name="Someone Else", country="RU", email="Aruzhan@Example.org "
        )

    assert response.status_code == 302
    after = Signature.objects.get()
    assert (after.name, after.country.code, after.email) == ("Aruzhan Example", "KZ", before.email)
    assert after.created_at == before.created_at
    # The link sent again goes to the stored address and works only for the hour left.
    assert last_mail().to == ["aruzhan@example.org"]
    assert "The link works for 1 hour." in last_mail().body
    with mock.patch("django.utils.timezone.now", return_value=later + datetime.timedelta(hours=2)):
        assert client.post(confirmation_link(last_mail())).status_code == 410
    assert Signature.objects.get().confirmed_at is None


def test_an_expired_link_confirms_nothing_and_says_so(client, petition):
    sign(client, petition)
    link = confirmation_link(last_mail())
    later = timezone.now() + datetime.timedelta(hours=49)

    with override_settings(ACTIONS_CONFIRMATION_HOURS=48):
        from unittest import mock

        with (
            mock.patch("django.utils.timezone.now", return_value=later),
            mock.patch("time.time", return_value=later.timestamp()),
        ):
            response = client.post(link)

    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert Signature.objects.get().confirmed_at is None
    petition.refresh_from_db()
    assert petition.confirmed_count == 0


@pytest.mark.parametrize(
    "token",
    ["nonsense", "A" * 43, "A" * 42 + "%00", "A" * 44, "Ж" * 43, "x" * 5000],
)
def test_a_forged_or_mangled_link_confirms_nothing(client, petition, token):
    sign(client, petition)

    response = client.post(f"/act/confirm/{token}/")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert not Signature.objects.filter(confirmed_at__isnull=False).exists()


def test_a_link_to_an_erased_signature_works_no_more(client, petition):
    sign(client, petition)
    link = confirmation_link(last_mail())
    services.erase_signer("aruzhan@example.org")

    response = client.post(link)

    # Nothing is kept of an erased signature, so its link is like one never sent.
    assert response.status_code == 404
    assert not Signature.objects.exists()


def test_pledge_is_signed_on_behalf_of_an_organisation(client, pledge):
    labels = text(client.get(pledge.get_absolute_url()))
    assert (
        "Organisation" in labels
        and "Contact person" in labels
        and "Organisation's country" in labels
    )

    missing = sign(client, pledge, organisation="")
    assert "Please give the organisation's name." in text(missing)
    assert not Signature.objects.exists()

    sign(client, pledge, organisation="Rights Centre", name="Dana Contact")
    signature = Signature.objects.get()
    assert (signature.organisation, signature.name) == ("Rights Centre", "Dana Contact")
    client.post(confirmation_link(last_mail()))
    assert text(client.get(pledge.get_absolute_url()), ".progress__label").startswith(
        "1 organisation has signed"
    )


def test_a_petition_ignores_an_organisation_field(client, petition):
    sign(client, petition, organisation="Injected Org")

    assert Signature.objects.get().organisation == ""


def test_only_signers_who_opted_in_are_listed_by_first_name_and_country(client, petition):
    SignatureFactory(
        call_to_action=petition,
        name="Visible Person",
        country="AM",
        show_publicly=True,
        confirmed=True,
    )
    SignatureFactory(call_to_action=petition, name="Hidden Person", confirmed=True)
    SignatureFactory(call_to_action=petition, name="Pending Person", show_publicly=True)

    html = client.get(petition.get_absolute_url()).content.decode()

    assert texts(html, ".signers li") == ["Visible, Armenia"]
    # On the raw page: no other part of a signer's name is sent, not even where it is not shown.
    assert "Person" not in html  # first names only
    assert "Hidden" not in html and "Pending" not in html
    assert text(html, ".progress__label").startswith("2 people have signed")


def test_show_publicly_is_unticked_by_default_and_stored_when_ticked(client, petition):
    html = client.get(petition.get_absolute_url())
    checkbox = one(html, 'input[type="checkbox"][name="show_publicly"]')
    assert not checkbox.has_attr("checked")

    sign(client, petition, show_publicly="on")

    assert Signature.objects.get().show_publicly is True


def test_actions_that_list_nobody_do_not_ask_to_show_names(client, home):
    action = CallToActionFactory(show_recent_signers=False)

    html = client.get(action.get_absolute_url()).content.decode()
    sign(client, action, show_publicly="on")

    assert select(html, '[name="show_publicly"]') == []
    assert Signature.objects.get().show_publicly is False


def test_goal_reached_and_beyond(client, home):
    action = CallToActionFactory(goal=2)
    for _ in range(3):
        SignatureFactory(call_to_action=action, confirmed=True)

    html = client.get(action.get_absolute_url()).content.decode()

    assert text(html, ".progress__label").startswith("3 people have signed")
    assert "goal 2 — reached!" in html
    bar = one(html, "progress.progress__bar")
    assert (bar["max"], bar["value"]) == ("2", "2")


def test_share_links_are_plain_links_and_the_page_loads_nothing_from_elsewhere(client, petition):
    html = client.get(petition.get_absolute_url()).content.decode()

    share = one(html, "ul.share__links")
    assert any(
        href.startswith("mailto:?subject=Let%20LGBTI%20groups%20work") for href in hrefs(share)
    )
    assert any(
        href.startswith(
            "https://t.me/share/url?url=http%3A%2F%2Flocalhost%2Fact%2Flet-lgbti-groups-work%2F"
        )
        for href in hrefs(share)
    )
    assert all(a["rel"] == ["noopener", "noreferrer"] for a in select(share, "a"))
    loaded = "script, img, iframe, source, audio, video"
    assert [
        e["src"] for e in select(html, loaded) if re.match(r"https?://", e.get("src", ""))
    ] == []
    linked = 'link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"]'
    assert [href for href in hrefs(html, linked) if re.match(r"https?://", href)] == []
    scripts = select(html, "script")
    assert all(not s.has_attr("nonce") and s.get("src", "").startswith("/static/") for s in scripts)
    assert any("actions.js" in s["src"] for s in scripts)


def test_sign_page_sends_the_strict_content_security_policy(client, petition):
    response = client.get(petition.get_absolute_url())

    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "nonce" not in policy
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy


def test_scheduled_and_closed_actions_take_no_signatures(client, home):
    scheduled = CallToActionFactory(scheduled=True)
    closed = CallToActionFactory(closed=True)

    assert "It opens for signatures on" in client.get(scheduled.get_absolute_url()).content.decode()
    page = client.get(closed.get_absolute_url()).content.decode()
    assert "takes no more signatures" in page
    assert select(page, 'input[name="csrfmiddlewaretoken"]') == []
    for action in (scheduled, closed):
        response = sign(client, action)
        assert response.status_code == 409
        assert "Your signature was not recorded" in response.content.decode()
    assert not Signature.objects.exists()
    assert mail.outbox == []


def test_a_link_for_an_action_closed_since_is_not_counted(client, petition):
    sign(client, petition)
    link = confirmation_link(last_mail())
    services.close_early(petition)

    response = client.post(link)

    assert response.status_code == 409
    assert "This call to action has closed" in response.content.decode()
    assert CallToAction.objects.get(pk=petition.pk).confirmed_count == 0


def test_share_box_page_has_its_link_share_links_and_no_form(client, home):
    from advocacy.actions.factories import ShareBoxFactory

    box = ShareBoxFactory(
        title="Read the report", link_url="https://example.org/report", link_text="Read it"
    )

    response = client.get(box.get_absolute_url())

    page = soup(response)
    assert page.h1.get_text() == "Read the report"
    button = page.find("a", class_="button--primary")
    assert (button["href"], button.get_text()) == ("https://example.org/report", "Read it")
    assert page.find("form") is None and page.find("progress") is None
    assert page.find("link", rel="canonical")["href"] == f"http://localhost/act/{box.slug}/"
    assert page.find("ul", class_="share__links") is not None
    assert client.get(f"/act/{box.slug}/check-your-email/").status_code == 404


def test_a_form_posted_to_a_share_box_stores_nothing(client, home):
    from advocacy.actions.factories import ShareBoxFactory

    box = ShareBoxFactory()

    response = client.post(box.get_absolute_url(), {"name": "A", "email": "a@example.org"})

    assert response.status_code == 409
    assert not Signature.objects.exists()


def test_a_draft_share_box_has_no_public_page(client, home):
    from advocacy.actions.factories import ShareBoxFactory

    box = ShareBoxFactory(live=False)

    assert client.get(box.get_absolute_url()).status_code == 404


def test_unknown_action_is_the_site_404(client, home):
    assert client.get("/act/no-such-action/").status_code == 404
    assert client.post("/act/no-such-action/", {"name": "x"}).status_code == 404
    assert not Signature.objects.exists()


def test_index_lists_open_actions_first(client, home):
    from advocacy.actions.factories import ShareBoxFactory

    closed = CallToActionFactory(closed=True, title="Closed one")
    open_ = CallToActionFactory(title="Open one")
    box = ShareBoxFactory(title="A share box", link_text="Go there")
    ShareBoxFactory(title="A draft box", live=False)

    page = soup(client.get("/act/"))

    headlines = [h.get_text() for h in page.find_all("h2", class_="cta__headline")]
    assert headlines == [box.title, open_.title, closed.title]
    assert page.find("a", string="Go there")["href"] == box.link_url


def test_the_russian_locale_serves_the_actions_russian_version(client, petition):
    from wagtail.models import Locale

    russian, _ = Locale.objects.get_or_create(language_code="ru")

    # No Russian version yet: its English address, never English words under /ru/.
    response = client.get("/ru/act/let-lgbti-groups-work/")
    assert response.status_code == 302
    assert response["Location"] == "/act/let-lgbti-groups-work/"

    translated = petition.copy_for_translation(russian)
    translated.title = "Дайте ЛГБТИ-группам работать"
    translated.save()
    translated.save_revision().publish()
    response = client.get("/ru/act/let-lgbti-groups-work/")
    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "Дайте ЛГБТИ-группам работать"
    assert one(response, "form.sign-form")["action"] == "/ru/act/let-lgbti-groups-work/"


def test_when_the_email_cannot_be_sent_signing_again_sends_it(client, petition, caplog):
    """The worker sends the email: the signer sees the usual page and can sign again."""
    import smtplib
    from unittest import mock

    refused = smtplib.SMTPRecipientsRefused({"aruzhan@example.org": (550, b"no such user")})
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=refused):
        response = sign(client, petition)

    assert response.status_code == 302
    assert "Could not send the signature email (SMTPRecipientsRefused)" in caplog.text
    assert "aruzhan" not in caplog.text
    # The pending row is kept: signing again sends a link to it.
    sign(client, petition)
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 1


@override_settings(ACTIONS_EMAILS_PER_ADDRESS=2)
def test_an_address_gets_a_limited_number_of_emails_per_hour(client, petition):
    for n in range(4):
        sign(client, petition, name=f"Try {n}")

    assert len(mail.outbox) == 2
    assert Signature.objects.count() == 1


def test_the_development_console_prints_the_confirmation_link_whole(client, petition):
    """`make run` mails to the console: the link there must be copyable as it is."""
    import io

    from advocacy.core.mail import ConsoleEmailBackend

    sign(client, petition, name="Сергей")
    link = confirmation_link(last_mail())
    stream = io.StringIO()

    ConsoleEmailBackend(stream=stream).send_messages([last_mail()])

    printed = stream.getvalue()
    assert "Content-Transfer-Encoding: 8bit" in printed
    assert f"{link}\n" in printed.replace("http://localhost", "")
    assert "“Let LGBTI groups work”" in printed


def test_an_action_whose_consent_text_was_never_numbered_gets_version_1_when_shown(
    client, petition
):
    from advocacy.actions.models import ConsentVersion

    ConsentVersion.objects.filter(call_to_action=petition).delete()

    html = client.get(petition.get_absolute_url()).content.decode()
    response = sign(client, petition, consent_version="1")

    assert one(html, 'input[name="consent_version"]')["value"] == "1"
    assert response.status_code == 302
    assert Signature.objects.get().consent.version == 1
