"""Issue 9, item 5: confirmation links are random, stored hashed, single-use and expiring;
nothing in `make run` logs a signer's address or ties a client address to a link."""

import hashlib
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from django.core import mail, signing
from django.core.cache import cache
from django.test import override_settings

from advocacy.actions.models import Signature

from .signer import confirmation_link, last_mail, sign

BASE_DIR = Path(__file__).resolve().parents[2]


def token_of(link):
    return link.rstrip("/").rsplit("/", 1)[1]


def test_the_link_carries_a_random_token_not_the_signature_id(client, petition):
    sign(client, petition)
    sign(client, petition, email="second@example.org")
    tokens = [token_of(confirmation_link(message)) for message in mail.outbox]

    for token in tokens:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", token)  # 32 random bytes: 256 bits
        with pytest.raises(signing.BadSignature):
            signing.loads(token, salt="advocacy.actions.confirm-signature")
        assert str(Signature.objects.get(email="aruzhan@example.org").pk) not in token.split("-")
    assert tokens[0] != tokens[1]


def test_only_a_hash_of_the_token_is_stored(client, petition):
    sign(client, petition)
    token = token_of(confirmation_link(last_mail()))

    row = Signature.objects.values().get()

    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert not any(token in str(value) for value in row.values())


def test_a_link_works_once_and_keeps_nothing_that_ties_it_to_the_signature(client, petition):
    sign(client, petition)
    link = confirmation_link(last_mail())

    assert client.post(link).status_code == 200
    assert Signature.objects.get().token_hash is None
    again = client.post(link)
    # Pressed twice, it says so kindly (the cache remembers the call to action, not whom)...
    assert again.status_code == 200
    assert "You have already signed" in again.content.decode()
    # ...and once that is forgotten it simply does not work: nothing in the database links
    # the token to the signature any more.
    cache.delete_pattern("*")
    assert client.post(link).status_code == 404
    petition.refresh_from_db()
    assert petition.confirmed_count == 1


def test_an_old_signed_id_link_no_longer_confirms(client, petition):
    """The old token was signing.dumps(signature id): anyone who saw one could read the id."""
    sign(client, petition)
    signature = Signature.objects.get()
    old = signing.dumps(signature.pk, salt="advocacy.actions.confirm-signature", compress=False)

    page = client.get(f"/act/confirm/{old}/")
    pressed = client.post(f"/act/confirm/{old}/")

    assert page.status_code == pressed.status_code == 410
    assert "Sign again" in pressed.content.decode()
    assert Signature.objects.get().confirmed_at is None


def test_a_signature_from_before_the_change_gets_a_new_link_when_signed_again(client, petition):
    """The migration gives waiting signatures no token; signing again sends one."""
    sign(client, petition)
    Signature.objects.update(token_hash=None)  # as the migration leaves them

    sign(client, petition, name="Not Stored")

    assert client.post(confirmation_link(last_mail())).status_code == 200
    assert Signature.objects.get().name == "Aruzhan Example"
    assert Signature.objects.get().confirmed_at is not None


def gunicorn_command():
    """The gunicorn command line `make run` uses, as a list of arguments."""
    makefile = (BASE_DIR / "Makefile").read_text()
    line = next(line for line in makefile.splitlines() if "/gunicorn " in line)
    command = line[line.index("$(VENV)/bin/gunicorn") :]
    return shlex.split(command.replace("$(VENV)/bin/gunicorn", "").replace("$(PORT)", "8000"))


def test_make_run_keeps_no_access_log():
    """No access log: it would tie readers' and signers' addresses to what they open."""
    args = gunicorn_command()
    assert not {"--access-logfile", "--access-log-format", "--log-config", "-c", "--config"} & {
        arg.split("=")[0] for arg in args
    }
    assert not (BASE_DIR / "gunicorn.conf.py").exists()  # gunicorn reads it by default
    assert "GUNICORN_CMD_ARGS" not in (BASE_DIR / "Makefile").read_text()

    resolved = subprocess.run(  # noqa: S603
        [str(Path(sys.executable).with_name("gunicorn")), *args, "--print-config"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "advocacy.settings.test"},
    )

    assert resolved.returncode == 0, resolved.stderr
    settings = dict(
        re.split(r"\s+=\s+", line, maxsplit=1)
        for line in resolved.stdout.splitlines()
        if " = " in line
    )
    assert settings["accesslog"] == "None"


def test_make_run_output_shows_a_signer_address_only_in_the_message_sent(
    client, petition, capsys, caplog
):
    """The console mail backend prints each message; nothing else prints the address."""
    caplog.set_level("DEBUG")
    mailers = {"default": {"BACKEND": "advocacy.core.mail.ConsoleEmailBackend"}}
    with override_settings(MAILERS=mailers):
        sign(client, petition)  # new: a link
        sign(client, petition, name="Someone Else")  # pending: a fresh link
        printed = capsys.readouterr().out
        link = re.search(r"http://localhost(/act/confirm/\S+/)", printed).group(1)
        client.post(link)
        sign(client, petition)  # confirmed: "already signed"
    out, err = capsys.readouterr()
    printed += out

    assert printed.count("Subject: ") == 3
    assert printed.lower().count("aruzhan@example.org") == 3  # each message's To: line
    assert "aruzhan" not in (err + caplog.text).lower()
    assert "Someone Else" not in printed + err + caplog.text
