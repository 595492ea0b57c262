"""A signature's state reads the same in the admin's list and in the CSV export.

Until issue 11 the list said "Awaiting confirmation" and the CSV "pending".
"""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from advocacy.actions.factories import CallToActionFactory, SignatureFactory
from advocacy.actions.models import Signature
from tests.signin import sign_in

pytestmark = pytest.mark.django_db

SIGNATURES = "/admin/signatures/"


@pytest.fixture
def campaigner(db):
    user = get_user_model().objects.create_user("campaigner", password="x")
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["access_admin", "view_signature", "export_signature"]
        )
    )
    client = Client()
    sign_in(client, user)
    return client


def test_the_list_and_the_csv_word_each_state_alike(campaigner, home):
    action = CallToActionFactory()
    SignatureFactory(call_to_action=action, email="new@example.org")
    SignatureFactory(call_to_action=action, email="done@example.org", confirmed=True)
    old = SignatureFactory(call_to_action=action, email="old@example.org")
    Signature.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )

    listing = BeautifulSoup(campaigner.get(SIGNATURES).content, "html.parser")
    header = [th.get_text(" ", strip=True) for th in listing.select("table thead th")]
    in_list = {}
    for row in listing.select("table tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        email = next(cell for cell in cells if "@example.org" in cell)
        in_list[email] = cells[header.index("State")]

    body = b"".join(campaigner.get(SIGNATURES + "?export=csv").streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    in_csv = {row["Email"]: row["State"] for row in rows}

    assert (
        in_csv
        == in_list
        == {
            "new@example.org": "Awaiting confirmation",
            "done@example.org": "Confirmed",
            "old@example.org": "Expired (never confirmed)",
        }
    )
