import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model


@pytest.fixture
def editor(demo_site):
    return get_user_model().objects.create_superuser(
        "editor", "editor@example.org", "correct horse battery staple"
    )


def test_editor_edits_the_home_intro_publishes_and_sees_it_live(
    page, editor, assert_accessible, sign_in_to_admin
):
    from advocacy.core.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    sign_in_to_admin(page, "editor", "correct horse battery staple")

    page.goto(f"/admin/pages/{home.pk}/edit/")
    intro = page.locator("[data-contentpath='intro'] [contenteditable='true']")
    intro.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Read the report, then act on it.")
    # Draftail writes its content to the form's hidden input after a short debounce.
    # (expect() polls from Playwright's side: the admin's CSP forbids the eval that
    # wait_for_function would need.)
    expect(page.locator("input[name=intro]")).to_have_value(re.compile("then act on it"))
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("has been published").wait_for()

    page.goto("/")
    assert "Read the report, then act on it." in page.locator(".intro").inner_text()
    assert_accessible(page)


def test_editor_opens_a_chapter_with_its_footnotes_panel_without_errors(
    page, editor, sign_in_to_admin
):
    from reports.models import ReportChapterPage

    chapter = ReportChapterPage.objects.get(
        slug="crackdown-on-lgbti-rights", locale__language_code="en"
    )
    sign_in_to_admin(page, "editor", "correct horse battery staple")

    page.goto(f"/admin/pages/{chapter.pk}/edit/")

    assert page.get_by_role("heading", name="Footnotes").count() >= 1
    assert page.locator("[data-contentpath='body']").is_visible()
