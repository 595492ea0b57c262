"""An editor types a change and reads it in the preview side panel, before saving anything.

The preview is the public page rendered inside the admin: until issue 11 the browser refused
to frame it (the public ``frame-ancestors 'none'``), so the panel stayed blank. The page
fixture fails the test on any console error, a blocked frame included.
"""

import datetime

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from tests.site_home import build_home

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(transactional_db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def open_preview_panel(page):
    """Open the side panel; return the preview iframe's contents."""
    page.locator("[data-side-panel-toggle='preview']").click()
    iframe = page.locator("#w-preview-iframe")
    expect(iframe).to_be_visible()
    return page.frame_locator("#w-preview-iframe")


def test_the_preview_panel_shows_a_page_draft(page, editor, sign_in_to_admin, screenshots):
    from advocacy.core.factories import StandardPageFactory

    about = StandardPageFactory(parent=build_home(), title="About", standfirst="Published words.")
    sign_in_to_admin(page, "editor", PASSWORD)
    page.goto(f"/admin/pages/{about.pk}/edit/")

    page.locator("#id_standfirst").fill("Draft words only the preview shows.")
    preview = open_preview_panel(page)

    expect(preview.locator("body")).to_contain_text("Draft words only the preview shows.")
    page.screenshot(path=screenshots / "admin-preview-page.png")


def test_the_preview_panel_shows_a_statement_draft(page, editor, sign_in_to_admin, screenshots):
    from advocacy.people.factories import PersonFactory
    from advocacy.statements.factories import StatementFactory

    build_home()
    statement = StatementFactory(
        speaker=PersonFactory(name="Denis Krivosheev"),
        text="The published words.",
        date_said=datetime.date(2026, 11, 25),
    )
    sign_in_to_admin(page, "editor", PASSWORD)
    page.goto(f"/admin/snippets/statements/statement/edit/{statement.pk}/")

    page.locator("#id_text").fill("Draft words a journalist cannot see yet")
    preview = open_preview_panel(page)

    expect(preview.locator("blockquote")).to_contain_text("Draft words a journalist cannot see yet")
    page.screenshot(path=screenshots / "admin-preview-statement.png")

    # The panel's "Preview in new tab" opens the same draft as a whole page.
    with page.context.expect_page() as new_tab:
        page.get_by_label("Preview in new tab").click()
    tab = new_tab.value
    tab.wait_for_load_state()
    expect(tab.locator("blockquote")).to_contain_text("Draft words a journalist cannot see yet")
