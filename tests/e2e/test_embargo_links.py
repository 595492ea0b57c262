"""A communications officer shares a scheduled press release with a journalist under
embargo, the journalist reads it in their own browser, the officer revokes the link and
the journalist's next visit finds it gone."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from tests.e2e.conftest import DESKTOP, PageProblems
from tests.newsroom.embargo_setup import DRAFT_WORDS, scheduled_release
from tests.site_home import build_home

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(transactional_db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def journalist(browser, live_server):
    """A browser of the journalist's own: nothing shared with the editor's."""
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    problems = PageProblems()
    problems.expect("410")  # the revoked link, asked for on purpose
    tab = context.new_page()
    problems.watch(tab)
    yield tab
    assert context.cookies() == [], "an embargo link must set no cookie"
    context.close()
    assert problems.unexpected == []


def test_an_editor_shares_a_scheduled_release_then_revokes_the_link(
    page, journalist, editor, sign_in_to_admin, screenshots, assert_accessible
):
    release = scheduled_release(build_home())
    sign_in_to_admin(page, "editor", PASSWORD)
    page.goto(f"/admin/pages/{release.pk}/edit/")

    # From the edit view's Save/Publish menu to the release's embargo links.
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("link", name="Embargo links for journalists").click()
    page.wait_for_url(f"**/admin/embargo-links/pages/{release.pk}/")

    page.get_by_label("Journalist's name").fill("Ana Reporter")
    page.get_by_label("Outlet").fill("The Daily Record")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_role("button", name="Make the link").click()

    address = page.locator("#embargo-address").input_value()
    assert "/embargo/" in address
    expect(page.locator("table.listing")).to_contain_text("Ana Reporter")
    expect(page.locator("table.listing")).to_contain_text("Active")
    page.screenshot(path=screenshots / "admin-embargo-links.png", full_page=True)

    # The journalist opens it: the draft, under the embargo banner.
    journalist.goto(address)
    banner = journalist.locator(".embargo-banner")
    expect(banner).to_contain_text("EMBARGOED until")
    expect(banner).to_contain_text("not for publication")
    expect(banner).to_contain_text("Ana Reporter, The Daily Record")
    expect(journalist.locator("main")).to_contain_text(DRAFT_WORDS)
    assert_accessible(journalist)
    journalist.screenshot(path=screenshots / "embargo-preview.png", full_page=True)

    # The officer sees the view counted, then revokes the link.
    page.goto(f"/admin/embargo-links/pages/{release.pk}/")
    row = page.locator("table.listing tbody tr").filter(has_text="Ana Reporter")
    expect(row.locator("td").nth(3)).to_have_text("1")
    row.get_by_role("button", name="Revoke").click()
    expect(page.locator("table.listing")).to_contain_text("Revoked")
    page.locator("table.listing").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "admin-embargo-links-revoked.png", full_page=True)

    # The journalist's next visit: 410, naming nothing.
    response = journalist.goto(address)
    assert response.status == 410
    expect(journalist.locator("h1")).to_have_text("This preview link no longer works")
    assert "Report launch" not in journalist.content()
    assert DRAFT_WORDS not in journalist.content()
