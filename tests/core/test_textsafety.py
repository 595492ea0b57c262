"""One set of text-safety rules (advocacy.core.textsafety), used by every export and form."""

import csv
import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from advocacy.actions.factories import CallToActionFactory, SignatureFactory
from advocacy.core import textsafety
from advocacy.core.search import clean_query
from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import StatementFactory
from tests.signin import sign_in

# Each would be run as a formula by some spreadsheet program.
FORMULAS = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "\n=1",
    "＝1+1",  # fullwidth
    "＋1",
    "－1",
    "＠SUM(A1)",
    "﹦1",  # small forms
    "﹢1",
    "﹣1",
    "﹫SUM(A1)",
    " =1+1",  # behind spaces, controls or invisible characters
    "\u00a0=1",
    "\u3000=1",
    "\x0b=1",
    "\x1c=1",
    "\u200b=1",
    "\ufeff=1",
    "\u202e=1",
    "\u200d=1",
]
PLAIN = ["Ordinary words", "1+1=2", "a@b.example", "Минск", "Հայաստան", "", " spaced"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_cell_that_could_start_a_formula_is_shown_as_text(text):
    assert textsafety.spreadsheet_safe(text).startswith("'")


@pytest.mark.parametrize("text", PLAIN)
def test_plain_cells_are_left_alone(text):
    assert textsafety.spreadsheet_safe(text) == text


def test_cells_lose_direction_controls_and_are_capped():
    assert textsafety.spreadsheet_safe("Ann\u202egnp.exe") == "Anngnp.exe"
    long = textsafety.spreadsheet_safe("x" * 40_000)
    assert len(long) == textsafety.SPREADSHEET_CELL_MAX_LENGTH and long.endswith("…")
    assert textsafety.spreadsheet_safe(None) == "" and textsafety.spreadsheet_safe(7) == "7"


def test_search_queries_lose_every_invisible_and_control_character():
    assert clean_query("a\u202eb\u200bc\u2060d\x00e\ufefff\u00adg") == "a b c d e f g"


def csv_rows(content):
    return list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))


@pytest.mark.django_db
def test_both_csv_exports_neutralise_the_same_full_list(client, quote_desk):
    """Issue 9, also: the statements CSV covered 6 prefixes, the signatures CSV 11."""
    speaker = PersonFactory()
    action = CallToActionFactory()
    for n, formula in enumerate(FORMULAS):
        StatementFactory(text=f"{formula} statement", speaker=speaker)
        SignatureFactory(call_to_action=action, name=f"{formula} signer", email=f"s{n}@example.org")
    user = get_user_model().objects.create_user("exporter", password="x")
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["access_admin", "view_signature", "export_signature"]
        )
    )
    sign_in(client, user)

    statements = csv_rows(client.get("/statements/statements.csv").content.decode())
    signatures = csv_rows(
        b"".join(client.get("/admin/signatures/?export=csv").streaming_content).decode()
    )

    statement_texts = [row[0] for row in statements[1:]]
    signer_names = [row[1] for row in signatures[1:]]
    assert len(statement_texts) == len(signer_names) == len(FORMULAS)
    for cell in statement_texts + signer_names:
        assert cell.startswith("'"), repr(cell)
