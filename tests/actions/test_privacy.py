"""Erasing a signer on request, and the retention job: data goes, counts stay right."""

import datetime
from io import StringIO

import pytest

from django.core.management import call_command
from django.db.models import Count, Q
from django.test import override_settings
from django.utils import timezone

from advocacy.actions import services
from advocacy.actions.factories import CallToActionFactory, PledgeFactory, SignatureFactory
from advocacy.actions.models import CallToAction, Signature

pytestmark = pytest.mark.django_db


def assert_counts_match_rows():
    """The denormalised count equals the confirmed rows, for every action."""
    for action in CallToAction.objects.annotate(
        rows=Count("signatures", filter=Q(signatures__confirmed_at__isnull=False))
    ):
        assert action.confirmed_count == action.rows, action


def test_erasing_a_signer_deletes_every_signature_of_the_address_and_fixes_the_counts(home):
    petition, pledge, other = CallToActionFactory(), PledgeFactory(), CallToActionFactory()
    SignatureFactory(call_to_action=petition, email="Dana@Example.org", confirmed=True)
    SignatureFactory(call_to_action=pledge, email="dana@example.org", organisation="Org")
    SignatureFactory(call_to_action=other, email="DANA@example.ORG", confirmed=True)
    SignatureFactory(call_to_action=petition, email="keep@example.org", confirmed=True)

    result = services.erase_signer("  dana@EXAMPLE.org ")

    assert result.erased == 3
    assert result.by_call_to_action == {petition.pk: 1, pledge.pk: 1, other.pk: 1}
    assert list(Signature.objects.values_list("email", flat=True)) == ["keep@example.org"]
    assert CallToAction.objects.get(pk=petition.pk).confirmed_count == 1
    assert CallToAction.objects.get(pk=other.pk).confirmed_count == 0
    assert_counts_match_rows()


def test_erasing_an_unknown_address_changes_nothing(home):
    action = CallToActionFactory()
    SignatureFactory(call_to_action=action, confirmed=True)

    assert services.erase_signer("nobody@example.org").erased == 0
    assert services.erase_signer("").erased == 0
    assert Signature.objects.count() == 1
    assert_counts_match_rows()


def test_after_erasure_the_person_can_sign_again(client, home):
    from .signer import confirmation_link, last_mail, sign

    action = CallToActionFactory()
    sign(client, action)
    client.post(confirmation_link(last_mail()))
    services.erase_signer("aruzhan@example.org")

    sign(client, action)
    client.post(confirmation_link(last_mail()))

    assert CallToAction.objects.get(pk=action.pk).confirmed_count == 1
    assert_counts_match_rows()


def old(days):
    return timezone.now() - datetime.timedelta(days=days)


@override_settings(ACTIONS_RETENTION_DAYS=365, ACTIONS_CONFIRMATION_HOURS=48)
def test_retention_anonymises_old_confirmed_signatures_and_keeps_the_count(home):
    action = CallToActionFactory()
    ancient = SignatureFactory(
        call_to_action=action,
        name="Old Signer",
        email="old@example.org",
        country="AM",
        show_publicly=True,
        created_at=old(400),
        confirmed=True,
    )
    Signature.objects.filter(pk=ancient.pk).update(confirmed_at=old(400))
    recent = SignatureFactory(call_to_action=action, created_at=old(10), confirmed=True)
    out = StringIO()

    call_command("apply_signature_retention", stdout=out)

    ancient.refresh_from_db()
    assert (ancient.name, ancient.email, ancient.organisation) == ("", "", "")
    assert ancient.show_publicly is False
    assert ancient.country.code == "AM"
    assert ancient.confirmed_at is not None
    assert ancient.created_at.time() == datetime.time(0, 0)
    recent.refresh_from_db()
    assert recent.email.endswith("@example.org")
    assert CallToAction.objects.get(pk=action.pk).confirmed_count == 2
    assert "Anonymised 1 confirmed signature" in out.getvalue()
    assert_counts_match_rows()


@override_settings(ACTIONS_CONFIRMATION_HOURS=48)
def test_retention_deletes_unconfirmed_signatures_whose_link_expired(home):
    action = CallToActionFactory()
    SignatureFactory(
        call_to_action=action, created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    fresh = SignatureFactory(call_to_action=action, created_at=timezone.now())
    out = StringIO()

    call_command("apply_signature_retention", stdout=out)

    assert list(Signature.objects.all()) == [fresh]
    assert "Deleted 1 unconfirmed signature" in out.getvalue()
    assert CallToAction.objects.get(pk=action.pk).confirmed_count == 0


@override_settings(ACTIONS_CONFIRMATION_HOURS=48)
def test_retention_dry_run_changes_nothing(home):
    action = CallToActionFactory()
    SignatureFactory(call_to_action=action, created_at=timezone.now() - datetime.timedelta(days=3))
    out = StringIO()

    call_command("apply_signature_retention", "--dry-run", stdout=out)

    assert Signature.objects.count() == 1
    assert "Would delete 1 unconfirmed signature" in out.getvalue()


def test_anonymised_rows_no_longer_block_the_address(client, home):
    from .signer import confirmation_link, last_mail, sign

    action = CallToActionFactory()
    SignatureFactory(call_to_action=action, email="aruzhan@example.org", confirmed=True)
    Signature.objects.update(created_at=old(1000))
    call_command("apply_signature_retention", stdout=StringIO())

    sign(client, action)
    client.post(confirmation_link(last_mail()))

    assert Signature.objects.count() == 2
    assert CallToAction.objects.get(pk=action.pk).confirmed_count == 2
    assert_counts_match_rows()


def test_the_signature_table_stores_only_what_the_issue_lists():
    fields = {field.name for field in Signature._meta.get_fields()}

    assert fields == {
        "id",
        "call_to_action",
        "name",
        "email",
        "country",
        "organisation",
        "show_publicly",
        "consent",
        "created_at",
        "confirmed_at",
        "token_hash",  # the SHA-256 of an unused confirmation link's token, never the token
    }
