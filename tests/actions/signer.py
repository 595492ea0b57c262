"""What a signer does in the tests: fill in the form, post it, open the emailed link."""

import re

from django.core import mail

TOKEN_LINK = re.compile(r"https?://\S+/act/confirm/[^/\s]+/")


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
