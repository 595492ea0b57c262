import pytest


@pytest.mark.usefixtures("demo_site")
def test_visitor_opens_the_home_page_and_follows_the_navigation(page, assert_accessible):
    page.goto("/")

    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text() == "Less equal"
    assert_accessible(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="About").click()

    page.wait_for_url("**/about/")
    assert page.locator("h1").inner_text() == "About"
    assert page.get_by_role("link", name="About").get_attribute("aria-current") == "page"
    assert_accessible(page)

    page.get_by_role("contentinfo").get_by_role("link", name="Privacy").click()
    page.wait_for_url("**/privacy/")
    assert_accessible(page)


@pytest.mark.usefixtures("demo_site")
def test_skip_link_moves_keyboard_focus_to_the_content(page):
    page.goto("/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")

    assert page.evaluate("location.hash") == "#main"


@pytest.mark.usefixtures("demo_site")
def test_missing_page_shows_the_site_404(page, page_problems, assert_accessible):
    page_problems.expect("status of 404")
    response = page.goto("/no-such-page/")

    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert_accessible(page)


@pytest.mark.usefixtures("demo_site")
def test_home_page_fits_a_phone_and_a_desktop(page, phone_page, assert_accessible, screenshots):
    """Nothing scrolls sideways at 360 px; screenshots for the README come from here."""
    screenshots.mkdir(parents=True, exist_ok=True)
    for tab, name in ((phone_page, "home-phone.png"), (page, "home-desktop.png")):
        tab.goto("/")
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name}: the page scrolls sideways by {overflow}px"
        tab.screenshot(path=str(screenshots / name), full_page=True)
    assert_accessible(phone_page)
