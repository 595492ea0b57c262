"""Two-factor sign-in (TOTP, django-otp): who must use it, and setting a device up.

The rule: anyone who can see signers' data (the permissions in
``settings.TWO_FACTOR_REQUIRED_PERMISSIONS``: view, export or erase signatures) and every
superuser must sign in with a code from an authenticator app; everyone else may turn it on,
and once they have, it is asked of them too.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext as _

DEVICE_NAME = "Authenticator app"


def is_required_for(user):
    """True when this user may not use the admin without a second factor."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(user.has_perm(perm) for perm in settings.TWO_FACTOR_REQUIRED_PERMISSIONS)


def has_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def applies_to(user):
    """True when this user's session counts only once a code has been given."""
    return user.is_authenticated and (has_device(user) or is_required_for(user))


def pending_device(user):
    """The device being set up (created on first call): not used to sign in until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_text(device):
    """The device's key in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_img(device):
    """An <img> of the set-up QR code, drawn here as SVG (no request leaves the server)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode()
    return format_html(
        '<img src="data:image/svg+xml;base64,{}" width="220" height="220" alt="{}">',
        data,
        _("QR code for your authenticator app"),
    )


class Refused(Exception):
    """A code was not accepted; ``retry_at`` is set when too many wrong codes were tried."""

    def __init__(self, retry_at=None):
        super().__init__(retry_at)
        self.retry_at = retry_at


def _check(device, token):
    allowed, details = device.verify_is_allowed()
    if not allowed:
        raise Refused(retry_at=(details or {}).get("locked_until"))
    if not device.verify_token(token):
        raise Refused()


def verify(request, token):
    """Check a code against the user's confirmed device and mark the session verified."""
    device = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).first()
    if device is None:
        raise Refused()
    _check(device, token)
    otp_login(request, device)
    return device


def confirm_device(request, device, token):
    """Finish setting up: the first right code confirms the device, replaces any older one
    and verifies this session."""
    _check(device, token)  # outside the transaction: a wrong code's throttle count must stay
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return device


def turn_off(user):
    """Remove a user's devices (refused for those who must use two-factor sign-in)."""
    if is_required_for(user):
        return False
    TOTPDevice.objects.filter(user=user).delete()
    return True


def reset(user):
    """Remove every device of a user who lost theirs (operator command): they set up a new
    one at their next sign-in."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted
