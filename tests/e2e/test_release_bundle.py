"""A communications officer runs a launch from the admin, in Chromium: creates a release
bundle, adds the report with all its chapters, the press release, a statement and a
petition through the choosers, reads the checklist, schedules it; at the embargo time
``publish_scheduled`` makes every item live at once, and the public sees them."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from advocacy.newsroom.models import ReleaseBundle
from tests.newsroom.launch import build_launch, embargo_arrives, fresh
from tests.site_home import build_home

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(transactional_db):
    return get_user_model().objects.create_superuser("comms", "comms@example.org", PASSWORD)


@pytest.fixture
def launch(editor):
    from wagtail.models import Site

    home = build_home()
    return build_launch(home, Site.objects.get(is_default_site=True))


def choose(page, button_name, search, title):
    """Open a chooser, search, pick the result with this title."""
    page.get_by_role("button", name=button_name).click()
    modal = page.locator(".modal-content")
    modal.get_by_role("textbox", name=re.compile("Search", re.I)).fill(search)
    modal.get_by_role("link", name=title).first.click()
    expect(modal).to_be_hidden()


def test_an_editor_schedules_a_launch_that_goes_live_at_once(
    page, live_server, editor, launch, sign_in_to_admin, screenshots
):
    embargo = timezone.localtime() + datetime.timedelta(days=1)
    sign_in_to_admin(page, "comms", PASSWORD)

    page.get_by_role("link", name="Release bundles").click()
    page.get_by_role("link", name=re.compile("Add release bundle")).click()
    page.get_by_label("Name").fill("Less equal: report launch")
    page.get_by_label("Embargo ends").fill(embargo.strftime("%Y-%m-%d %H:%M"))
    page.get_by_label("Notes").fill("Press call at 09:30; statements go to the quote desk.")
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_text("now add what goes live in it")).to_be_visible()

    # The press release, a statement and the petition first: the checklist warns that
    # the report they announce and the chapter the statement cites are not in the bundle.
    choose(page, "Choose a page", "Former Soviet", "Former Soviet states entrenching homophobia")
    choose(page, "Choose statement", "equal protection", str(launch.statement))
    choose(page, "Choose call to action", "safety", launch.petition.title)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("Added 3 item(s).")).to_be_visible()
    warnings = page.locator("#bundle-warnings")
    expect(warnings).to_contain_text("announces report “Less equal”, which is not live")
    expect(warnings).to_contain_text("cites report chapter “A worrying rise in hostility”")
    warnings.get_by_role("link", name=re.compile("Open")).first.click()
    expect(page).to_have_url(re.compile(f"/admin/pages/{launch.release.pk}/edit/"))
    page.go_back()
    page.set_viewport_size({"width": 1440, "height": 1400})
    page.screenshot(path=screenshots / "admin-release-bundle-checklist.png")

    # Then the report, with every chapter in one go.
    choose(page, "Choose a page", "Less equal", "Less equal")
    page.get_by_label("For a report: add all its chapters that are not live yet").check()
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("Added 4 item(s).")).to_be_visible()

    items = page.locator("table.listing tbody tr")
    expect(items).to_have_count(7)
    checklist = page.locator("#bundle-checklist").locator("..")
    expect(checklist).to_contain_text("Nothing is missing: ready to schedule.")
    page.screenshot(path=screenshots / "admin-release-bundle.png")

    page.get_by_role("button", name="Schedule the launch").click()
    expect(page.get_by_text("Scheduled: 7 item(s) go live together at")).to_be_visible()
    expect(items.filter(has_text="scheduled")).to_have_count(7)
    page.screenshot(path=screenshots / "admin-release-bundle-scheduled.png")

    # Before the embargo, the scheduler publishes nothing and the public sees nothing.
    call_command("publish_scheduled")
    assert not any(fresh(target).live for target in launch.everything)
    assert page.request.get(f"{live_server.url}/less-equal/").status == 404

    # The embargo time comes; the scheduler's next run makes everything live at once.
    embargo_arrives(ReleaseBundle.objects.get())
    call_command("publish_scheduled")

    assert all(fresh(target).live for target in launch.everything)
    reader = page.context.browser.new_context(base_url=live_server.url)
    public = reader.new_page()
    public.goto("/less-equal/")
    expect(public.get_by_role("heading", level=1)).to_contain_text("Less equal")
    for chapter in launch.chapters:
        expect(public.get_by_role("link", name=re.compile(chapter.title))).to_be_visible()
    reader.close()

    page.reload()
    expect(page.locator("#bundle-when").locator("..")).to_contain_text("Released")
    expect(items.filter(has_text="live")).to_have_count(7)
