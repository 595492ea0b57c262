"""Staff sign-in: lockouts after failed passwords, two-factor sign-in, view-password limits."""

import re
import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client

from wagtail.models import PageViewRestriction

from advocacy.core.factories import StandardPageFactory
from tests.html import one, texts

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


def user_with(*codenames, superuser=False, username="staffer"):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    user = User.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.user_permissions.set(Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return user


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


def post_login(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


# ---------------------------------------------------------------- lockouts (item 8)


def test_repeated_wrong_admin_passwords_are_locked_out_with_a_429_saying_when(client):
    user_with(username="editor")
    statuses = [post_login(client, "editor", f"wrong-{i}").status_code for i in range(12)]

    assert statuses[:4] == [200] * 4  # the form again, with an error
    assert set(statuses[4:]) == {429}
    locked = post_login(client, "editor", PASSWORD)  # even the right password, from here
    assert locked.status_code == 429
    assert 0 < int(locked["Retry-After"]) <= 15 * 60
    assert "Try again in 15 minutes" in locked.content.decode()


def test_the_lockout_page_is_the_same_for_an_account_that_does_not_exist(client):
    user_with(username="editor")
    for i in range(5):
        post_login(client, "editor", f"wrong-{i}")
        post_login(client, "nobody-here", f"wrong-{i}")

    real = post_login(client, "editor", "wrong")
    ghost = post_login(client, "nobody-here", "wrong")
    assert real.status_code == ghost.status_code == 429

    def words(response):
        return str(one(response, "main"))

    assert words(real) == words(ghost)
    assert "editor" not in real.content.decode()


def test_failures_from_elsewhere_never_lock_a_real_editor_out(client):
    user_with(username="editor")
    for i in range(10):
        post_login(client, "editor", f"wrong-{i}", address="198.51.100.9")

    response = post_login(Client(), "editor", PASSWORD, address="203.0.113.7")
    assert response.status_code == 302


# ---------------------------------------------------------------- two-factor sign-in (item 8)


@pytest.mark.parametrize(
    "codenames, superuser",
    [((), True), (("view_signature",), False), (("export_signature",), False)],
)
def test_who_can_see_signatures_must_set_up_two_factor_sign_in(client, codenames, superuser):
    user_with(*codenames, superuser=superuser)
    post_login(client, "staffer", PASSWORD)

    for url in ["/admin/", "/admin/signatures/", "/admin/signatures/?export=csv"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/?next=")

    setup = client.get("/admin/two-factor/")
    assert setup.status_code == 200
    html = setup.content.decode()
    qr_code = one(html, 'img[src^="data:"]')["src"]
    assert qr_code.startswith("data:image/svg+xml;base64,")  # the QR code, drawn here
    assert "http" not in qr_code[:30]
    device = TOTPDevice.objects.get(user__username="staffer", confirmed=False)
    secret = next(code for code in texts(html, "code") if re.fullmatch(r"[A-Z2-7 ]+", code))
    assert secret.replace(" ", "")  # typed by hand into an app, when scanning is not possible

    wrong = client.post("/admin/two-factor/", {"otp_token": "000000"})
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    done = client.post("/admin/two-factor/", {"otp_token": current_code(device)})
    assert done.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_with_a_device_the_password_alone_opens_nothing(client):
    user = user_with("view_signature")
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)

    post_login(client, "staffer", PASSWORD)
    response = client.get("/admin/signatures/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/?next=")
    assert client.get("/admin/two-factor/").status_code == 302  # cannot enrol another device

    wrong = client.post("/admin/two-factor/verify/", {"otp_token": "000000"})
    assert "That code is not right" in wrong.content.decode()
    throttled = client.post("/admin/two-factor/verify/", {"otp_token": current_code(device)})
    assert throttled.status_code == 429  # a wrong code must be waited out
    assert "Wait" in throttled.content.decode()

    device.refresh_from_db()
    device.throttle_reset()
    right = client.post(
        "/admin/two-factor/verify/?next=/admin/signatures/", {"otp_token": current_code(device)}
    )
    assert right.status_code == 302
    assert right["Location"] == "/admin/signatures/"
    assert client.get("/admin/signatures/").status_code == 200


def test_two_factor_sign_in_is_optional_for_other_editors(client):
    user_with("add_calltoaction", "change_calltoaction")
    post_login(client, "staffer", PASSWORD)

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/two-factor/").status_code == 200  # may turn it on


def test_an_unverified_session_counts_as_signed_out_on_the_public_site(client, home):
    user = user_with(superuser=True)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    private = StandardPageFactory(parent=home, slug="private", title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    post_login(client, "staffer", PASSWORD)

    response = client.get("/private/")
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_hostile_codes_get_a_calm_answer(client):
    user = user_with(superuser=True)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    post_login(client, "staffer", PASSWORD)

    for token in ["", "\x00", "1" * 10_000, "<script>", "12345678901234567890"]:
        response = client.post("/admin/two-factor/verify/", {"otp_token": token})
        assert response.status_code == 200
    assert client.delete("/admin/two-factor/verify/").status_code == 405


def test_the_local_admin_can_still_sign_in_with_the_printed_code(client, capsys):
    call_command("ensure_local_admin")
    printed = capsys.readouterr().out
    password = re.search(r"password '([^']+)'", printed).group(1)
    assert "make admin-code" in printed
    call_command("ensure_local_admin", "--code")
    code = capsys.readouterr().out.strip()

    post_login(client, "admin", password)
    response = client.post("/admin/two-factor/verify/", {"otp_token": code})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_operator_can_reset_a_lost_device(client):
    user = user_with(superuser=True)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)

    call_command("reset_two_factor", "staffer")

    assert not TOTPDevice.objects.filter(user=user).exists()
    post_login(client, "staffer", PASSWORD)
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/?next=")


# ---------------------------------------------------------------- view-restriction passwords


def test_wrong_page_passwords_are_limited_per_client_and_page_with_a_429(client, home):
    page = StandardPageFactory(parent=home, slug="embargoed", title="Embargoed")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="s3cret-words"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    statuses = [
        client.post(url, {"password": f"guess-{i}", "return_url": "/embargoed/"}).status_code
        for i in range(30)
    ]

    assert statuses[:10] == [200] * 10
    assert set(statuses[10:]) == {429}
    limited = client.post(url, {"password": "s3cret-words", "return_url": "/embargoed/"})
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 15 * 60
    assert "Try again in" in limited.content.decode()
    # Another client is not affected.
    other = Client(REMOTE_ADDR="198.51.100.20")
    ok = other.post(url, {"password": "s3cret-words", "return_url": "/embargoed/"})
    assert ok.status_code == 302


def test_page_password_urls_with_hostile_ids_get_a_4xx(client, home):
    for url in [
        f"/_util/authenticate_with_password/{2**70}/{2**70}/",
        "/_util/authenticate_with_password/1/1/",
    ]:
        assert client.post(url, {"password": "x"}).status_code == 404
