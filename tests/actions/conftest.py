import re

import pytest

from django.core import mail

from advocacy.actions.factories import CallToActionFactory, PledgeFactory

TOKEN_LINK = re.compile(r"https?://\S+/act/confirm/[^/\s]+/")


@pytest.fixture
def petition(home):
    return CallToActionFactory(slug="let-lgbti-groups-work", title="Let LGBTI groups work")


@pytest.fixture
def pledge(home):
    return PledgeFactory(slug="work-alongside", title="Work alongside LGBTI organisations")


def form_data(action, **overrides):
    """What a person fills in on the sign page, as the browser posts it."""
    data = {
        "name": "Aruzhan Example",
        "email": "aruzhan@example.org",
        "country": "KZ",
        "consent": "on",
        "consent_version": str(action.current_consent.version),
        "call_to_action": str(action.pk),
        "website": "",
    }
    if action.is_pledge:
        data["organisation"] = "Rights Centre"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def confirmation_link(message):
    """The confirmation URL in an email, as a path the test client can open."""
    url = TOKEN_LINK.search(message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def sign(client, action, **overrides):
    return client.post(action.get_absolute_url(), form_data(action, **overrides))


def last_mail():
    return mail.outbox[-1]
