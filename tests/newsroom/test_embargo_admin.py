"""Editors make, list and revoke embargo links in the admin; only who may edit the content
may do so."""

import datetime
import re
import secrets

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupPagePermission, PageLogEntry

from advocacy.newsroom.embargo import services
from advocacy.newsroom.models import EmbargoLink
from tests.html import text
from tests.newsroom.embargo_setup import DRAFT_WORDS, draft_statement, scheduled_release
from tests.signin import sign_in

pytestmark = pytest.mark.django_db

ADDRESS = re.compile(r"http://localhost/embargo/([A-Za-z0-9_-]{43})/")


@pytest.fixture
def release(home):
    return scheduled_release(home)


def links_page(obj):
    kind = "statements" if obj.__class__.__name__ == "Statement" else "pages"
    return reverse("embargo_links:object", args=[kind, obj.pk])


def form(**overrides):
    expires = timezone.localtime() + datetime.timedelta(days=3)
    data = {
        "journalist_name": "Ana Reporter",
        "outlet": "The Daily Record",
        "email": "ana@example.org",
        "expires_at": expires.strftime("%Y-%m-%d %H:%M"),
        "once": secrets.token_urlsafe(16),
    }
    return {**data, **overrides}


def staff_user(username, *permissions):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_the_edit_views_lead_to_the_links(admin_client, release, quote_desk):
    statement = draft_statement()
    page_edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[release.pk]))
    statement_edit = admin_client.get(
        reverse("wagtailsnippets_statements_statement:edit", args=[statement.pk])
    )
    # In the Save/Publish menu and in the header's ⋮ menu.
    assert page_edit.content.count(links_page(release).encode()) == 2
    assert links_page(statement).encode() in statement_edit.content
    assert b"Embargo links for journalists" in statement_edit.content


def test_the_form_suggests_the_go_live_time(admin_client, release):
    page = admin_client.get(links_page(release))

    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    go_live = timezone.localtime(release.scheduled_revision.approved_go_live_at)
    field = page.context["form"]["expires_at"]
    assert field.value() == go_live.replace(tzinfo=None, microsecond=0)
    assert "the version scheduled to go live" in text(page, "main")
    assert go_live.strftime("%-d %B %Y, %H:%M") in text(page, "main")


def test_an_editor_makes_a_link_and_sees_its_address_once(admin_client, client, release):
    made = admin_client.post(links_page(release), form())

    assert made.status_code == 200
    assert "no-store" in made["Cache-Control"]
    token = ADDRESS.search(made.content.decode()).group(1)
    link = EmbargoLink.objects.get()
    assert (link.journalist_name, link.outlet, link.email) == (
        "Ana Reporter",
        "The Daily Record",
        "ana@example.org",
    )
    assert link.created_by.username == "admin"
    assert "Ana Reporter" in text(made, "table.listing")
    assert "Active" in text(made, "table.listing")
    # Shown once: the links page does not show it again.
    assert token not in admin_client.get(links_page(release)).content.decode()
    # The journalist, signed out, reads the draft.
    assert DRAFT_WORDS in text(client.get(f"/embargo/{token}/"), "main")
    assert PageLogEntry.objects.filter(page=release, action="newsroom.embargo_link_create").exists()


def test_sending_the_same_form_again_makes_no_second_link(admin_client, release):
    data = form()
    admin_client.post(links_page(release), data)
    again = admin_client.post(links_page(release), data, follow=True)

    assert EmbargoLink.objects.count() == 1
    assert "sent already" in again.content.decode()
    assert not ADDRESS.search(again.content.decode())


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"expires_at": "2001-01-01 10:00"}, "Choose a time in the future."),
        (
            {
                "expires_at": (timezone.localtime() + datetime.timedelta(days=91)).strftime(
                    "%Y-%m-%d %H:%M"
                )
            },
            "A link can last at most 90 days.",
        ),
        ({"expires_at": "tomorrow-ish"}, "Enter a valid date/time."),
        ({"journalist_name": "   "}, "This field is required."),
        ({"journalist_name": "Ana\u202eReporter"}, "hidden or control characters"),
        ({"email": "not an address"}, "Enter a valid email address."),
        ({"journalist_name": "A" * 5000}, "Ensure this value has at most 100 characters"),
        ({"outlet": "Daily\x00Record"}, "Null characters are not allowed."),
    ],
)
def test_bad_input_is_refused_and_what_was_typed_stays(admin_client, release, overrides, message):
    data = form(outlet="The Kept Outlet", **{k: v for k, v in overrides.items() if k != "outlet"})
    data.update({k: v for k, v in overrides.items() if k == "outlet"})
    page = admin_client.post(links_page(release), data)

    assert page.status_code == 200
    assert message in page.content.decode()
    assert not EmbargoLink.objects.exists()
    if "outlet" not in overrides:
        assert 'value="The Kept Outlet"' in page.content.decode()


def test_a_live_page_without_a_draft_offers_no_form(admin_client, home):
    from advocacy.core.factories import StandardPageFactory

    about = StandardPageFactory(parent=home, title="About")
    page = admin_client.get(links_page(about))
    assert "public as it stands" in text(page, "main")
    refused = admin_client.post(links_page(about), form())
    assert "public as it stands" in text(refused, "main")
    assert not EmbargoLink.objects.exists()


def test_an_editor_revokes_a_link(admin_client, client, release, admin_user):
    link, token = services.create_link(
        release,
        admin_user,
        journalist_name="Ana Reporter",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    page = admin_client.get(links_page(release))
    assert reverse("embargo_links:revoke", args=[link.pk]) in page.content.decode()
    assert admin_client.get(reverse("embargo_links:revoke", args=[link.pk])).status_code == 405

    done = admin_client.post(
        reverse("embargo_links:revoke", args=[link.pk]), {"next": "https://evil.example/"}
    )

    assert done.status_code == 302 and done["Location"] == links_page(release)
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by == admin_user
    assert client.get(f"/embargo/{token}/").status_code == 410
    assert "Revoked" in text(admin_client.get(links_page(release)), "table.listing")


def test_revoking_needs_the_csrf_token(release, admin_user):
    link, _ = services.create_link(
        release,
        admin_user,
        journalist_name="Ana",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    strict = Client(enforce_csrf_checks=True)
    sign_in(strict, admin_user)
    assert strict.post(reverse("embargo_links:revoke", args=[link.pk])).status_code == 403
    link.refresh_from_db()
    assert link.revoked_at is None


def test_the_menu_lists_every_link_with_views(
    admin_client, client, release, admin_user, quote_desk
):
    _, token = services.create_link(
        release,
        admin_user,
        journalist_name="Ana",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    services.create_link(
        draft_statement(),
        admin_user,
        journalist_name="Boris",
        outlet="Agency",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    client.get(f"/embargo/{token}/")

    admin_home = admin_client.get("/admin/")
    assert '"label": "Embargo links"' in admin_home.content.decode()
    index = admin_client.get(reverse("embargo_links:index"))

    rows = text(index, "table.listing tbody")
    assert "Ana" in rows and "Report launch" in rows and "Boris" in rows
    assert "Words nobody may quote yet" in rows


def test_someone_who_cannot_edit_cannot_make_or_revoke(client, release, admin_user, home):
    link, _ = services.create_link(
        release,
        admin_user,
        journalist_name="Ana",
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    reader = staff_user("reader")
    sign_in(client, reader)

    assert client.get(links_page(release)).status_code in (302, 403)
    assert client.post(links_page(release), form()).status_code in (302, 403)
    assert client.post(reverse("embargo_links:revoke", args=[link.pk])).status_code in (302, 403)
    assert client.get(reverse("embargo_links:index")).status_code in (302, 403)
    assert EmbargoLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_page_editors_may_make_links_for_their_pages_only(client, release, home):
    from django.contrib.auth.models import Group

    editors = Group.objects.create(name="Press editors")
    GroupPagePermission.objects.create(
        group=editors,
        page=release.get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    editor = staff_user("press")
    editor.groups.add(editors)
    sign_in(client, editor)
    statement = draft_statement()

    assert client.post(links_page(release), form()).status_code == 200
    assert EmbargoLink.objects.count() == 1
    assert client.get(links_page(statement)).status_code in (302, 403)
    index = client.get(reverse("embargo_links:index"))
    assert "Report launch" in text(index, "table.listing")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/embargo-links/pages/99999999999999999999999/",
        "/admin/embargo-links/pages/0/",
        "/admin/embargo-links/images/1/",
        "/admin/embargo-links/revoke/99999999999999999999999/",
    ],
)
def test_hostile_admin_addresses_get_404(admin_client, path):
    response = admin_client.post(path) if "revoke" in path else admin_client.get(path)
    assert response.status_code == 404
