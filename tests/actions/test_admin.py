"""Staff run calls to action from the Wagtail admin; signatures only for those allowed."""

import csv
import datetime
import io

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from wagtail.models import ModelLogEntry

from advocacy.actions.factories import (
    CallToActionFactory,
    PledgeFactory,
    ShareBoxFactory,
    SignatureFactory,
)
from advocacy.actions.models import CallToAction, ConsentVersion, ShareBox, Signature
from tests.html import hrefs, one, select, soup, text, texts
from tests.signin import sign_in

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/actions/calltoaction/"
SIGNATURES = "/admin/signatures/"
ERASE = "/admin/erase-signer/"


def staff(*codenames):
    """An admin user with exactly these permissions (plus access to the admin)."""
    user = get_user_model().objects.create_user(
        f"staff{get_user_model().objects.count()}", password="x"
    )
    perms = Permission.objects.filter(
        codename__in=["access_admin", *codenames],
    )
    user.user_permissions.set(perms)
    return user


@pytest.fixture
def editor(client):
    """Edits calls to action, sees no signature."""
    user = staff("add_calltoaction", "change_calltoaction", "delete_calltoaction")
    sign_in(client, user)
    return user


@pytest.fixture
def campaigner(client):
    """Runs the campaign: may list, export and erase signatures."""
    user = staff(
        "add_calltoaction",
        "change_calltoaction",
        "view_signature",
        "export_signature",
        "delete_signature",
    )
    sign_in(client, user)
    return user


def download(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_the_list_shows_confirmed_and_pending_counts(client, editor, home):
    action = CallToActionFactory(title="Let LGBTI groups work")
    for _ in range(3):
        SignatureFactory(call_to_action=action, confirmed=True)
    for _ in range(2):
        SignatureFactory(call_to_action=action)
    SignatureFactory(
        call_to_action=action, created_at=timezone.now() - datetime.timedelta(days=30)
    )  # expired: not pending any more

    response = client.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Awaiting confirmation" in html
    row = next(tr for tr in select(html, "tbody tr") if "Let LGBTI groups work" in text(tr))
    cells = dict(zip(texts(html, "thead th"), texts(row, "td"), strict=True))
    assert [cells[column] for column in ("Confirmed", "Awaiting confirmation", "Goal")] == [
        "3",
        "2",
        "1,000",
    ]


def test_the_list_tells_signing_state_and_publication_apart(client, editor, home):
    CallToActionFactory(title="Let LGBTI groups work")

    html = client.get(LIST).content.decode()

    headers = texts(html, "th")
    assert "Signatures" in headers
    assert "Publication" in headers
    assert "Status" not in headers


def test_editors_without_the_permission_see_no_signatures(client, editor, home):
    action = CallToActionFactory()
    SignatureFactory(call_to_action=action, email="secret@example.org", confirmed=True)

    assert client.get(SIGNATURES).status_code in (302, 403)
    assert client.get(SIGNATURES + "?export=csv").status_code in (302, 403)
    assert client.get(ERASE).status_code in (302, 403)
    listing = client.get(LIST).content.decode()
    assert "secret@example.org" not in listing
    assert SIGNATURES not in listing


def test_signature_list_is_filterable_by_action_and_state(client, campaigner, home):
    petition, pledge = CallToActionFactory(), PledgeFactory()
    SignatureFactory(call_to_action=petition, name="Confirmed Petitioner", confirmed=True)
    SignatureFactory(call_to_action=petition, name="Pending Petitioner")
    SignatureFactory(call_to_action=pledge, name="Pledger", organisation="Org", confirmed=True)
    SignatureFactory(call_to_action=pledge, name="Armenian Signer", country="AM")

    html = client.get(f"{SIGNATURES}?call_to_action={petition.pk}&state=confirmed").content
    html = html.decode()

    assert "Confirmed Petitioner" in html
    assert "Pending Petitioner" not in html and "Pledger" not in html
    by_country = client.get(f"{SIGNATURES}?country=AM").content.decode()
    assert "Armenian Signer" in by_country and "Confirmed Petitioner" not in by_country


def test_csv_export_is_formula_injection_safe_and_follows_the_filter(client, campaigner, home):
    petition, other = CallToActionFactory(title="=Petition"), CallToActionFactory()
    SignatureFactory(
        call_to_action=petition,
        name='=HYPERLINK("http://evil.example","click")',
        email="+cmd@example.org",
        organisation="@SUM(A1)",
        confirmed=True,
    )
    SignatureFactory(call_to_action=petition, name="-2+3", email="plain@example.org")
    SignatureFactory(call_to_action=other, name="Elsewhere")

    response = client.get(f"{SIGNATURES}?call_to_action={petition.pk}&export=csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = download(response)
    assert rows[0][:3] == ["Call to action", "Name", "Email"]
    by_email = {row[2]: row for row in rows[1:]}
    assert set(by_email) == {"'+cmd@example.org", "plain@example.org"}
    evil = by_email["'+cmd@example.org"]
    assert evil[0] == "'=Petition"
    assert evil[1] == '\'=HYPERLINK("http://evil.example","click")'
    assert evil[4] == "'@SUM(A1)"
    assert evil[7] == "Confirmed"  # as the admin list words it
    assert by_email["plain@example.org"][1] == "'-2+3"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_export_needs_its_own_permission(client, home):
    sign_in(client, staff("view_signature"))
    SignatureFactory(call_to_action=CallToActionFactory())

    listing = client.get(SIGNATURES)

    assert listing.status_code == 200
    assert "Download CSV" not in listing.content.decode()
    for export in ("csv", "xlsx"):
        refused = client.get(f"{SIGNATURES}?export={export}")
        assert refused.status_code in (302, 403)
        assert "text/csv" not in refused["Content-Type"]


def test_campaigner_sees_the_export_button_and_only_csv_is_offered(client, campaigner, home):
    html = client.get(SIGNATURES).content.decode()

    assert "Download CSV" in html
    assert "Download XLSX" not in html
    assert client.get(SIGNATURES + "?export=xlsx").status_code == 404


def test_close_early_stops_signatures_and_is_logged(client, editor, home):
    from .signer import sign

    action = CallToActionFactory(title="Close me")
    assert "Close early" in client.get(LIST).content.decode()

    ask = client.get(f"{LIST}close/{action.pk}/")
    assert "It stops taking signatures at once" in ask.content.decode()
    response = client.post(f"{LIST}close/{action.pk}/")

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.closed_early_at is not None and action.status == "closed"
    assert ModelLogEntry.objects.filter(action="actions.close_early").count() == 1
    client.logout()
    assert sign(client, action).status_code == 409
    assert not Signature.objects.exists()


def test_close_early_needs_the_change_permission(client, home):
    sign_in(client, staff("view_signature"))
    action = CallToActionFactory()

    assert client.post(f"{LIST}close/{action.pk}/").status_code in (302, 403)
    action.refresh_from_db()
    assert action.closed_early_at is None


def test_erase_a_signer_finds_then_erases_and_logs_no_address(client, campaigner, home):
    action = CallToActionFactory(title="Let LGBTI groups work")
    SignatureFactory(call_to_action=action, name="Dana", email="dana@example.org", confirmed=True)
    SignatureFactory(call_to_action=action, email="keep@example.org", confirmed=True)

    found = client.post(ERASE, {"email": "DANA@example.org"})

    page = found.content.decode()
    assert "Dana" in page and "Let LGBTI groups work" in page
    assert "Erase this signature" in page
    assert Signature.objects.count() == 2

    done = client.post(ERASE, {"email": "DANA@example.org", "erase": "1"}, follow=True)

    assert "Erased 1 signature(s) of that address." in done.content.decode()
    assert list(Signature.objects.values_list("email", flat=True)) == ["keep@example.org"]
    assert CallToAction.objects.get(pk=action.pk).confirmed_count == 1
    entry = ModelLogEntry.objects.get(action="actions.erase_signer")
    assert entry.data == {"erased": 1}
    assert "dana" not in str(entry.data).lower() and "dana" not in entry.label.lower()


def test_dashboard_panel_shows_confirmed_today_and_this_week(client, editor, home):
    action = CallToActionFactory(title="Let LGBTI groups work")
    now = timezone.now()
    SignatureFactory(call_to_action=action, confirmed=True)
    SignatureFactory(call_to_action=action, confirmed=True)
    earlier = SignatureFactory(call_to_action=action, confirmed=True)
    long_ago = SignatureFactory(call_to_action=action, confirmed=True)
    monday = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    monday -= datetime.timedelta(days=monday.weekday())
    Signature.objects.filter(pk=long_ago.pk).update(
        confirmed_at=monday - datetime.timedelta(days=1)
    )
    if now.weekday() > 0:  # earlier this week, but not today
        Signature.objects.filter(pk=earlier.pk).update(confirmed_at=monday)
    today = 2 if now.weekday() > 0 else 3

    html = client.get("/admin/").content.decode()

    assert "Signatures confirmed" in html
    panel = one(html, "table.listing--dashboard")
    row = next(tr for tr in select(panel, "tbody tr") if "Let LGBTI groups work" in text(tr))
    assert texts(row, "td:not(.title)") == [str(today), "3", "4 / 1000"]


def test_dashboard_panel_is_not_shown_to_users_without_action_permissions(client, home):
    sign_in(client, staff())
    CallToActionFactory()

    assert "Signatures confirmed" not in client.get("/admin/").content.decode()


def test_creating_an_action_in_the_admin_records_consent_version_1(client, editor, home):
    response = client.post(
        f"{LIST}add/",
        {
            "kind": "petition",
            "title": "A new petition",
            "slug": "a-new-petition",
            "summary": "Sign it.",
            "target": "The authorities",
            "countries": ["BY"],
            "demand": "Let LGBTI groups work in safety.",
            "goal": "500",
            "thank_you": "Thank you.",
            "consent_text": "I agree to version one.",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    action = CallToAction.objects.get(slug="a-new-petition")
    assert [(v.version, v.text) for v in action.consent_versions.all()] == [
        (1, "I agree to version one.")
    ]


def test_editing_the_consent_text_starts_a_new_version_and_keeps_old_signatures(
    client, editor, home
):
    action = CallToActionFactory(consent_text="Version one.")
    first = SignatureFactory(call_to_action=action, confirmed=True)
    action.consent_text = "Version two."
    action.save()
    action.save()  # saving again without a change adds no version
    assert action.current_consent.version == 2

    assert list(
        ConsentVersion.objects.filter(call_to_action=action).values_list("version", "text")
    ) == [
        (2, "Version two."),
        (1, "Version one."),
    ]
    first.refresh_from_db()
    assert first.consent.text == "Version one."
    assert SignatureFactory(call_to_action=action).consent.version == 2


def test_a_petition_without_its_essentials_is_refused_in_the_admin(client, editor, home):
    response = client.post(
        f"{LIST}add/",
        {"kind": "petition", "title": "Empty", "slug": "empty", "summary": "x"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    for message in ("Say whom it addresses.", "Signers must be told what they agree to."):
        assert message in html
    assert not CallToAction.objects.filter(slug="empty").exists()


def test_the_permissions_can_be_given_to_a_group(client, home):
    from django.contrib.auth.models import Group

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    sign_in(client, admin)
    group = Group.objects.create(name="Campaigners")

    html = client.get(f"/admin/groups/edit/{group.pk}/").content.decode()

    assert "Can export signatures to CSV" in html
    assert Permission.objects.get(codename="view_signature").content_type.app_label == "actions"


def test_an_action_with_signatures_cannot_be_deleted_so_no_signature_is_lost(client, home):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    sign_in(client, admin)
    action = CallToActionFactory()
    SignatureFactory(call_to_action=action, confirmed=True)

    page = client.get(f"{LIST}delete/{action.pk}/").content.decode()
    refused = client.post(f"{LIST}delete/{action.pk}/", follow=True)

    assert "Yes, delete" not in page
    assert "it cannot be deleted, so that no signature is lost" in page
    assert "has signatures, so it cannot be deleted: close it instead" in (refused.content.decode())
    assert CallToAction.objects.filter(pk=action.pk).exists()
    assert Signature.objects.count() == 1


def test_an_action_without_signatures_can_be_deleted(client, home):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    sign_in(client, admin)
    action = CallToActionFactory()

    client.post(f"{LIST}delete/{action.pk}/")

    assert not CallToAction.objects.filter(pk=action.pk).exists()


def test_a_signed_petition_cannot_become_a_share_box(home):
    """Share boxes are another model: a call to action has no "share" kind to switch to."""
    from django.core.exceptions import ValidationError

    action = CallToActionFactory()
    SignatureFactory(call_to_action=action)
    action.kind = "share"

    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "kind" in error.value.message_dict


def test_bulk_delete_keeps_signed_actions(client, home):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    sign_in(client, admin)
    signed, unsigned = CallToActionFactory(), CallToActionFactory()
    SignatureFactory(call_to_action=signed)

    response = client.post(
        f"/admin/bulk/actions/calltoaction/delete/?id={signed.pk}&id={unsigned.pk}",
        {},
        follow=True,
    )

    assert "has signatures, so it cannot be deleted" in response.content.decode()
    assert CallToAction.objects.filter(pk=signed.pk).exists()
    assert Signature.objects.count() == 1


def test_a_csv_export_is_in_the_audit_log_with_who_which_action_and_how_many(
    client, campaigner, home, caplog
):
    """Issue 9, also: exports of signatures leave a trace (never whose signatures)."""
    petition, other = CallToActionFactory(title="Let LGBTI groups work"), CallToActionFactory()
    SignatureFactory(call_to_action=petition, email="dana@example.org", confirmed=True)
    SignatureFactory(call_to_action=petition, email="lev@example.org")
    SignatureFactory(call_to_action=other, email="elsewhere@example.org")

    response = client.get(f"{SIGNATURES}?call_to_action={petition.pk}&export=csv")
    assert len(download(response)) == 3

    entry = ModelLogEntry.objects.get(action="actions.export_signatures")
    assert entry.user == campaigner
    assert entry.object_id == str(petition.pk)
    assert entry.data == {"rows": 2, "export_rows": 2}
    assert timezone.now() - entry.timestamp < datetime.timedelta(minutes=1)
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "Exported 2 signature(s) to CSV" in history
    assert "Let LGBTI groups work" in history
    assert "dana" not in history + caplog.text
    # The application log records it too, whatever LOG_LEVEL is (root stays at WARNING).
    assert f"Signatures exported to CSV by user {campaigner.pk}: 2 row(s)" in caplog.text


def test_an_unfiltered_export_logs_each_call_to_action_it_holds(client, campaigner, home):
    petition, other = CallToActionFactory(), CallToActionFactory()
    SignatureFactory(call_to_action=petition)
    SignatureFactory(call_to_action=other)
    SignatureFactory(call_to_action=other)

    download(client.get(f"{SIGNATURES}?export=csv"))

    entries = ModelLogEntry.objects.filter(action="actions.export_signatures")
    assert {(e.object_id, e.data["rows"]) for e in entries} == {
        (str(petition.pk), 1),
        (str(other.pk), 2),
    }


# ---------------------------------------------------------------- share boxes

SHARE_BOXES = "/admin/snippets/actions/sharebox/"


@pytest.fixture
def box_editor(client):
    """Edits and publishes share boxes."""
    user = staff("add_sharebox", "change_sharebox", "delete_sharebox", "publish_sharebox")
    sign_in(client, user)
    return user


def test_share_boxes_are_listed_with_their_publication(client, box_editor, home):
    ShareBoxFactory(title="Read the report")
    ShareBoxFactory(title="A draft box", live=False)

    page = soup(client.get(SHARE_BOXES))

    headers = texts(page, "table thead th")
    assert "Publication" in headers
    assert "Signatures" not in headers  # nobody signs a share box
    publication = {
        row.find("a").get_text(strip=True): row.find_all("td")[-1].get_text(strip=True)
        for row in page.select("table tbody tr")
    }
    assert publication == {"Read the report": "live", "A draft box": "draft"}


def test_an_editor_creates_and_publishes_a_share_box(client, box_editor, home):
    response = client.post(
        f"{SHARE_BOXES}add/",
        {
            "title": "Read the report",
            "slug": "read-the-report",
            "summary": "What defenders told us.",
            "link_url": "https://example.org/report",
            "link_text": "Read it",
            "action-publish": "publish",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    box = ShareBox.objects.get(slug="read-the-report")
    assert box.live and box.live_revision is not None
    assert client.get("/act/read-the-report/").status_code == 200


def test_a_share_box_needs_somewhere_to_lead(client, box_editor, home):
    response = client.post(
        f"{SHARE_BOXES}add/",
        {"title": "Nowhere", "slug": "nowhere", "summary": "x", "action-publish": "publish"},
    )

    assert response.status_code == 200
    assert not ShareBox.objects.exists()
    assert "Choose a page or give an address for the button." in text(response)


def test_a_share_box_cannot_take_a_call_to_actions_address(client, box_editor, home):
    CallToActionFactory(slug="let-them-work")

    response = client.post(
        f"{SHARE_BOXES}add/",
        {
            "title": "Clash",
            "slug": "let-them-work",
            "summary": "x",
            "link_url": "https://example.org/",
        },
    )

    assert response.status_code == 200
    assert not ShareBox.objects.exists()
    assert "Another call to action or share box already has this address." in text(response)


def test_a_call_to_action_cannot_take_a_share_boxs_address(home):
    from django.core.exceptions import ValidationError

    ShareBoxFactory(slug="read-the-report")
    action = CallToActionFactory.build(slug="read-the-report")

    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "slug" in error.value.message_dict


def test_the_calls_to_action_menu_holds_share_boxes_too(client, home):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    sign_in(client, admin)
    box = ShareBoxFactory(title="Read the report")

    edit = client.get(f"{SHARE_BOXES}edit/{box.pk}/")
    listing = client.get(SHARE_BOXES)

    assert edit.status_code == 200
    assert box.get_absolute_url() in hrefs(listing)  # "View live"
    ShareBox.objects.filter(pk=box.pk).update(live=False)
    box.refresh_from_db()
    preview = box.make_preview_request()
    assert text(preview, "h1") == "Read the report"
    assert "this share box is not published" in text(preview)
