"""The site header on a phone: a compact bar whose menu opens from a button, with and without
JavaScript; on a wide screen the menu is always shown."""

import pytest

PHONE = {"width": 390, "height": 844}
# The header took 190 of 844 px (eight links in three rows) before the menu button.
MAX_PHONE_HEADER = 100


def phone_tab(browser, live_server, page_problems, javascript):
    context = browser.new_context(
        viewport=PHONE,
        base_url=live_server.url,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
    )
    tab = context.new_page()
    page_problems.watch(tab)
    return context, tab


@pytest.mark.usefixtures("demo_site")
@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_phone_header_is_compact_and_its_menu_opens_from_a_button(
    browser, live_server, page_problems, javascript, screenshots
):
    context, tab = phone_tab(browser, live_server, page_problems, javascript)
    try:
        tab.goto("/")
        header = tab.locator("header.site-header")
        menu = tab.get_by_role("navigation", name="Main")
        mode = "js" if javascript else "nojs"
        tab.screenshot(path=screenshots / f"header-phone-closed-{mode}.png")
        assert header.bounding_box()["height"] <= MAX_PHONE_HEADER
        assert not menu.get_by_role("link", name="Act").is_visible()

        tab.locator("summary.site-menu__button").click()

        assert menu.get_by_role("link", name="Act").is_visible()
        assert menu.get_by_role("link", name="Quote desk").is_visible()
        tab.screenshot(path=screenshots / f"header-phone-open-{mode}.png")
        menu.get_by_role("link", name="Act").click()
        tab.wait_for_url("**/act/")
        assert tab.locator("h1").inner_text() == "Act"
    finally:
        context.close()
    assert page_problems.unexpected == []


@pytest.mark.usefixtures("demo_site")
def test_a_wide_screen_shows_the_menu_without_a_button(page):
    page.goto("/")

    assert not page.locator("summary.site-menu__button").is_visible()
    menu = page.get_by_role("navigation", name="Main")
    for name in ("Less equal", "Countries", "Quote desk", "Act", "About", "Search"):
        assert menu.get_by_role("link", name=name).is_visible(), name
    assert not menu.get_by_role("link", name="Privacy").count()
    assert page.get_by_role("contentinfo").get_by_role("link", name="Privacy").is_visible()
