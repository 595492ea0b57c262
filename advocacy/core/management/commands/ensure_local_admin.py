import base64
import secrets
import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the local admin user for `make run`/`make dev` and print its credentials: the"
        " password and the two-factor key (superusers must sign in with a code). With --code,"
        " print the current sign-in code instead. Refused under production settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--code", action="store_true", help="print the current two-factor code and stop"
        )

    def handle(self, *args, username, code, **options):
        if not settings.LOCAL_ADMIN_ALLOWED:
            raise CommandError("Refusing to create a local admin user under production settings.")
        password_file = settings.VAR_DIR / "local-admin-password"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(username, "admin@localhost", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Local admin", confirmed=True)
        if code:
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            totp.time = time.time()
            self.stdout.write(f"{totp.token():0{device.digits}d}")
            return
        key = base64.b32encode(device.bin_key).decode().rstrip("=")
        self.stdout.write(f"Local admin: username {username!r}, password {password!r} (/admin/)")
        self.stdout.write(
            f"  then a two-factor code: `make admin-code` prints the current one, or add the"
            f" key {key} to an authenticator app"
        )
