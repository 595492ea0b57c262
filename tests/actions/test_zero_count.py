"""Before anyone signs, a call to action invites the first signature instead of showing
"0 people have signed · goal 1,000" over an empty bar."""

import pytest

from advocacy.actions.factories import CallToActionFactory, PledgeFactory, SignatureFactory
from tests.html import select, text

pytestmark = pytest.mark.django_db


def progress_of(client, action):
    response = client.get(action.get_absolute_url())
    assert response.status_code == 200
    return response


def test_a_petition_nobody_has_signed_invites_the_first_signature(client, home):
    petition = CallToActionFactory(goal=1000)

    response = progress_of(client, petition)

    assert text(response, ".action__header .progress__label") == "Be the first to sign."
    assert select(response, "progress") == []
    assert "0 people" not in text(response)
    assert "goal 1,000" not in text(response)


def test_a_pledge_nobody_has_signed_invites_the_first_organisation(client, home):
    pledge = PledgeFactory(goal=100)

    response = progress_of(client, pledge)

    assert text(response, ".action__header .progress__label") == (
        "Be the first organisation to sign."
    )
    assert select(response, "progress") == []


def test_a_closed_call_nobody_signed_does_not_invite_signatures(client, home):
    closed = CallToActionFactory(closed=True)

    response = progress_of(client, closed)

    assert text(response, ".action__header .progress__label") == "It closed without signatures."


def test_the_first_confirmed_signature_brings_the_count_goal_and_bar(client, home):
    petition = CallToActionFactory(goal=1000)
    SignatureFactory(call_to_action=petition, confirmed=True)

    response = progress_of(client, petition)

    assert text(response, ".action__header .progress__label") == "1 person has signed · goal 1,000"
    [bar] = select(response, ".action__header progress")
    assert (bar["value"], bar["max"]) == ("1", "1000")


def test_the_card_placed_on_the_report_invites_the_first_signature_too(client):
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)

    response = client.get("/less-equal/")

    labels = [" ".join(p.get_text().split()) for p in select(response, ".cta .progress__label")]
    assert labels == ["Be the first to sign.", "Be the first organisation to sign."]
    assert select(response, ".cta progress") == []
