"""Release bundles in the admin: the list, creating one, the bundle screen (items, the
checklist with links to each item's edit view), scheduling, cancelling, hostile input."""

import datetime

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data

from advocacy.newsroom import bundles
from advocacy.newsroom.models import ReleaseBundle
from tests.html import hrefs, one, select, text
from tests.signin import sign_in

from .launch import build_launch, status_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def launch(home, site):
    return build_launch(home, site)


@pytest.fixture
def bundle(admin_user):
    return ReleaseBundle.objects.create(
        name="Less equal launch",
        embargo_at=timezone.now() + datetime.timedelta(days=2),
        created_by=admin_user,
    )


def bundle_url(bundle, name="bundle"):
    return reverse(f"release-bundles:{name}", args=[bundle.pk])


def in_the_future(days=2):
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.strftime("%Y-%m-%d %H:%M")


def test_the_menu_leads_to_the_list(admin_client, bundle):
    dashboard = admin_client.get("/admin/")
    assert "Release bundles" in dashboard.content.decode()

    listing = admin_client.get(reverse("release-bundles:index"))

    assert listing.status_code == 200
    assert bundle_url(bundle) in hrefs(listing)
    assert "Draft" in text(listing, "table")


def test_create_a_bundle_then_land_on_its_screen(admin_client, admin_user):
    response = admin_client.post(
        reverse("release-bundles:add"),
        nested_form_data(
            {"name": "Report launch", "embargo_at": in_the_future(), "notes": "Press at 9"}
        ),
    )

    bundle = ReleaseBundle.objects.get()
    assert response.status_code == 302
    assert response["Location"] == bundle_url(bundle)
    assert bundle.created_by == admin_user
    assert bundle.status == ReleaseBundle.Status.DRAFT


@pytest.mark.parametrize(
    ("name", "embargo_at", "error"),
    [
        ("Launch", "2020-01-01 09:00", "The embargo time has passed"),
        ("Launch", "not a date", "Enter a valid date/time."),
        ("Launch", "99999-99-99 99:99", "Enter a valid date/time."),
        ("Nul\x00byte", "FUTURE", "Null characters are not allowed."),
        ("x" * 5000, "FUTURE", "at most 200 characters"),
        ("", "FUTURE", "This field is required."),
    ],
)
def test_hostile_input_gets_form_errors_and_keeps_what_was_typed(
    admin_client, name, embargo_at, error
):
    embargo_at = in_the_future() if embargo_at == "FUTURE" else embargo_at
    response = admin_client.post(
        reverse("release-bundles:add"),
        {"name": name, "embargo_at": embargo_at, "notes": "<script>alert(1)</script>"},
    )

    assert response.status_code == 200
    assert error in text(response)
    assert not ReleaseBundle.objects.exists()
    assert one(response, "textarea[name=notes]").text.strip() == "<script>alert(1)</script>"
    assert b"<script>alert(1)</script>" not in response.content


def test_the_bundle_screen_adds_the_report_with_its_chapters(admin_client, bundle, launch):
    response = admin_client.post(
        bundle_url(bundle), {"page": launch.report.pk, "with_chapters": "on"}
    )

    assert response.status_code == 302
    screen = admin_client.get(bundle_url(bundle))
    assert "Added 4 item(s)." in text(screen)
    rows = text(screen, "table")
    for title in ("Less equal", "A worrying rise in hostility", "Crackdown on LGBTI rights"):
        assert title in rows
    # Each row links to the item's edit view.
    assert f"/admin/pages/{launch.report.pk}/edit/" in hrefs(screen, "table a")


def test_adding_a_live_item_is_refused_by_name(admin_client, bundle, launch):
    launch.release.save_revision().publish()

    response = admin_client.post(bundle_url(bundle), {"page": launch.release.pk})

    assert response.status_code == 400
    assert "Press release “Former Soviet states entrenching homophobia” is already live" in text(
        response
    )
    assert not bundle.items.exists()


def test_a_page_claimed_by_another_bundle_is_refused_by_name(admin_client, bundle, launch):
    other = ReleaseBundle.objects.create(
        name="Earlier launch", embargo_at=timezone.now() + datetime.timedelta(days=1)
    )
    bundles.add_item(other, launch.release)

    response = admin_client.post(bundle_url(bundle), {"page": launch.release.pk})

    assert response.status_code == 400
    assert "is already in the bundle “Earlier launch”: one launch per item." in text(response)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"page": str(2**64)},
        {"page": "-1"},
        {"page": "abc\x00"},
        {"statement": "9" * 40},
        {"call_to_action": "<b>1</b>"},
        {"page": "HOME"},  # the home page: not a report, chapter or release
    ],
)
def test_hostile_item_choices_get_form_errors(admin_client, bundle, home, data):
    data = {key: str(home.pk) if value == "HOME" else value for key, value in data.items()}
    response = admin_client.post(bundle_url(bundle), data)

    assert response.status_code == 400
    assert select(response, ".error-message, .help-critical")
    assert not bundle.items.exists()


def test_the_checklist_links_each_line_to_the_item(admin_client, bundle, launch):
    bundles.add_item(bundle, launch.report)
    statement = launch.statement
    statement.source_page = None
    statement.save_revision()
    bundles.add_item(bundle, statement)

    screen = admin_client.get(bundle_url(bundle))

    warnings = text(screen, "#bundle-warnings")
    assert "Report chapter “Marginalised” is a draft and not in this bundle" in warnings
    assert f"Statement “{statement}” has no source" in warnings
    assert f"/admin/pages/{launch.chapters[2].pk}/edit/" in hrefs(screen, "#bundle-warnings a")
    assert f"/admin/snippets/statements/statement/edit/{statement.pk}/" in hrefs(
        screen, "#bundle-warnings a"
    )
    assert one(screen, "input[name=accept_warnings]")


def test_schedule_then_cancel_through_the_screen(admin_client, bundle, launch):
    for target in launch.everything:
        if not bundle.items.filter(**bundles.item_kwargs(target)).exists():
            bundles.add_item(bundle, target)

    response = admin_client.post(bundle_url(bundle, "schedule"), {})
    assert response.status_code == 302
    screen = admin_client.get(bundle_url(bundle))
    assert "Scheduled: 7 item(s) go live together at" in text(screen)
    assert all(status_of(t) == "scheduled" for t in launch.everything)
    assert "Cancel the launch" in text(screen)

    admin_client.post(bundle_url(bundle, "cancel"), {})

    screen = admin_client.get(bundle_url(bundle))
    assert "Cancelled: nothing in the bundle will go live" in text(screen)
    assert all(status_of(t) == "draft" for t in launch.everything)


def test_warnings_unticked_refuse_to_schedule(admin_client, bundle, launch):
    bundles.add_item(bundle, launch.report)

    admin_client.post(bundle_url(bundle, "schedule"), {})

    screen = admin_client.get(bundle_url(bundle))
    assert "Read the 3 warning(s) and tick the box to schedule anyway." in text(screen)
    assert status_of(launch.report) == "draft"
    admin_client.post(bundle_url(bundle, "schedule"), {"accept_warnings": "on"})
    assert status_of(launch.report) == "scheduled"


def test_a_past_embargo_cannot_be_scheduled(admin_client, bundle, launch):
    bundles.add_item(bundle, launch.petition)
    ReleaseBundle.objects.filter(pk=bundle.pk).update(
        embargo_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    admin_client.post(bundle_url(bundle, "schedule"), {"accept_warnings": "on"})

    screen = admin_client.get(bundle_url(bundle))
    assert "The embargo time has passed: give a time in the future." in text(screen)
    assert status_of(launch.petition) == "draft"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/release-bundles/18446744073709551616/",
        "/admin/release-bundles/18446744073709551616/schedule/",
        "/admin/release-bundles/1/items/18446744073709551616/remove/",
        "/admin/release-bundles/999/",
        "/admin/release-bundles/edit/abc%00/",
        "/admin/release-bundles/edit/18446744073709551616/",
        "/admin/release-bundles/delete/18446744073709551616/",
    ],
)
def test_hostile_addresses_are_not_found(admin_client, url):
    response = (
        admin_client.post(url) if "schedule" in url or "remove" in url else (admin_client.get(url))
    )
    assert response.status_code == 404


def test_actions_take_post_only(admin_client, bundle):
    assert admin_client.get(bundle_url(bundle, "schedule")).status_code == 405
    assert admin_client.put(bundle_url(bundle, "cancel")).status_code == 405


def test_a_scheduled_bundle_is_not_edited_or_deleted(admin_client, bundle, launch):
    bundles.add_item(bundle, launch.petition)
    bundles.schedule(bundle, bundle.created_by)

    assert admin_client.get(reverse("release-bundles:edit", args=[bundle.pk])).status_code in (
        302,
        403,
    )
    admin_client.post(reverse("release-bundles:delete", args=[bundle.pk]))
    assert ReleaseBundle.objects.filter(pk=bundle.pk).exists()


def test_someone_without_the_permission_is_turned_away(client, django_user_model, bundle):
    user = django_user_model.objects.create_user("reader", password="pw")
    group = Group.objects.create(name="Editors without bundles")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    sign_in(client, user)

    response = client.get(bundle_url(bundle))

    assert response.status_code in (302, 403)
    assert "Less equal launch" not in response.content.decode()


def test_the_history_tells_who_did_what(admin_client, bundle, launch):
    admin_client.post(bundle_url(bundle), {"statement": launch.statement.pk})
    admin_client.post(bundle_url(bundle, "schedule"), {"accept_warnings": "on"})
    admin_client.post(bundle_url(bundle, "cancel"), {})

    history = admin_client.get(reverse("release-bundles:history", args=[bundle.pk]))

    assert history.status_code == 200
    words = text(history)
    for line in (
        f"Added statement “{launch.statement}”",
        "Bundle scheduled for its embargo time",
        "Bundle cancelled: nothing in it goes live",
    ):
        assert line in words
    # Each item's own history has Wagtail's lines.
    item_history = admin_client.get(
        reverse("wagtailsnippets_statements_statement:history", args=[launch.statement.pk])
    )
    lines = text(item_history, "table")
    assert "Statement scheduled for publishing at" in lines
    assert "Statement unscheduled for publishing at" in lines
