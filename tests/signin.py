"""Signing test clients in past two-factor sign-in, which the admin asks of superusers and of
staff who can see signatures (advocacy.accounts). Tests of other features use these; the
tests of two-factor sign-in itself (tests/accounts/) use plain clients."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.backends import ModelBackend
from django.test import Client


def mark_verified(client, user):
    """Give the user a confirmed device and record in the client's session that its code
    was given, as django_otp.login() does after a right code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test device", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def sign_in(client, user):
    """force_login plus the second factor."""
    client.force_login(user)
    mark_verified(client, user)
    return user


class SignedInClient(Client):
    """A test client whose logins include the two-factor step: for Wagtail's page test
    helpers (assertPageIsEditable and the like), which log in by themselves."""

    def force_login(self, user, backend=None):
        # Wagtail's helpers name AUTHENTICATION_BACKENDS[0], which is django-axes's: it only
        # guards authenticate() and cannot load a user from a session.
        super().force_login(user, "django.contrib.auth.backends.ModelBackend")
        mark_verified(self, user)

    def login(self, **credentials):
        # Checks the password with Django's own backend: django-axes, first in
        # AUTHENTICATION_BACKENDS, needs the request that Client.login() does not pass.
        user = ModelBackend().authenticate(None, **credentials)
        if user is None:
            return False
        self.force_login(user)
        return True
