"""The source-safety review, seen in Chromium: a writer puts a Person's name in a chapter's
testimony and submits it; it stops at the review; the reviewer sees the finding, ticks the
checklist and approves; the writer could not have approved it themselves."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct horse battery staple"
NAMED = "I stayed with Mikayel Danielyan when the threats began."


@pytest.fixture
def writer(demo_site):
    return get_user_model().objects.create_superuser("writer", "writer@example.org", PASSWORD)


@pytest.fixture
def reviewer(demo_site):
    user = get_user_model().objects.create_user("reviewer", "reviewer@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Source safety reviewers"))
    return user


def test_a_testimony_naming_a_person_is_stopped_at_the_safety_review(
    browser, live_server, writer, reviewer, sign_in_to_admin, screenshots, page_problems
):
    from reports.models import ReportChapterPage

    chapter = ReportChapterPage.objects.get(
        slug="crackdown-on-lgbti-rights", locale__language_code="en"
    )
    desktop = {"width": 1440, "height": 900}

    # The writer names a Person in the testimony and submits the chapter.
    writing = browser.new_context(viewport=desktop, base_url=live_server.url)
    page = writing.new_page()
    page_problems.watch(page)
    sign_in_to_admin(page, "writer", PASSWORD)
    page.goto(f"/admin/pages/{chapter.pk}/edit/")
    words = page.locator("[data-contentpath='body'] [data-contentpath='words'] textarea").first
    words.fill(NAMED)
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Submit to Source safety review").click()
    page.get_by_text("has been submitted for moderation").wait_for()
    # The live server shares SQLite's in-memory connection across threads: no query from
    # the test while the browser is still loading.
    page.wait_for_load_state("networkidle")

    chapter.refresh_from_db()
    assert chapter.current_workflow_task.name == "Source safety review"
    assert NAMED not in str(ReportChapterPage.objects.get(pk=chapter.pk).body)  # not live

    # The writer is told another reviewer must approve, and has no approve button.
    page.goto(f"/admin/pages/{chapter.pk}/edit/")
    expect(page.get_by_text("another reviewer must approve it")).to_be_visible()
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    expect(page.get_by_role("button", name="Approve after safety review")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    writing.close()

    # The reviewer finds it on the dashboard and opens the approval form.
    reviewing = browser.new_context(
        viewport={"width": 1440, "height": 1500}, base_url=live_server.url
    )
    page = reviewing.new_page()
    page_problems.watch(page)
    sign_in_to_admin(page, "reviewer", PASSWORD)
    waiting = page.locator("#awaiting-review-section")
    expect(waiting).to_contain_text(chapter.title)
    waiting.get_by_role("button", name="Actions").click()
    waiting.get_by_role("button", name="Approve after safety review").click()

    modal = page.locator(".modal-content")
    expect(modal).to_be_visible()
    finding = modal.locator("[data-finding='person']")
    expect(finding).to_contain_text("The testimony names Mikayel Danielyan")
    expect(modal).to_contain_text(NAMED)
    expect(modal.get_by_role("button", name="Approve after safety review")).to_be_visible()
    page.wait_for_timeout(500)  # the modal's fade-in, for the screenshot only
    page.screenshot(path=screenshots / "admin-source-safety-review.png")

    # Unticked checks refuse the approval; ticked, it publishes the chapter.
    modal.get_by_role("button", name="Approve after safety review").click()
    expect(modal).to_contain_text("Tick this check, or request changes if you cannot.")
    for checkbox in modal.locator("input[type=checkbox]").all():
        checkbox.check()
    modal.get_by_role("button", name="Approve after safety review").click()
    expect(modal).to_have_count(0)
    expect(page.locator("#awaiting-review-section")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    reviewing.close()

    chapter = ReportChapterPage.objects.get(pk=chapter.pk)
    assert chapter.live
    assert NAMED in str(chapter.body)
    assert page_problems.unexpected == []
