"""A Russian reader: reads the press release in Russian, switches to English and back on the
same page, finds a statement by a Russian search; axe-core finds nothing on the Russian pages."""

import pytest

RELEASE = "/ru/press-releases/former-soviet-states-entrenching-homophobia/"


@pytest.mark.usefixtures("demo_site")
def test_reader_reads_in_russian_switches_language_and_finds_a_statement(
    page, assert_accessible, screenshots
):
    page.goto(RELEASE)
    assert page.locator("html").get_attribute("lang") == "ru"
    assert (
        page.get_by_role(
            "heading", level=1, name="Бывшие советские государства укореняют гомофобию"
        ).is_visible()
        or "укореняют гомофобию" in page.locator("h1").inner_text()
    )
    notice = page.locator("[data-translation-notice]")
    assert notice.is_visible()
    assert_accessible(page)

    # To English, on the same page…
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="English").click()
    page.wait_for_url("**/press-releases/former-soviet-states-entrenching-homophobia/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "entrenching homophobia" in page.locator("h1").inner_text()
    assert page.locator("[data-translation-notice]").count() == 0
    # …and back.
    page.get_by_role("navigation").get_by_role("link", name="Русский").click()
    page.wait_for_url(f"**{RELEASE}")
    assert "укореняют гомофобию" in page.locator("h1").inner_text()

    # A statement, found by a Russian search on the Russian quote desk.
    page.goto("/ru/statements/?q=правозащитные")
    assert page.locator("html").get_attribute("lang") == "ru"
    quote = page.get_by_text("призывает правозащитные группы всего региона", exact=False).first
    assert quote.is_visible()
    assert_accessible(page)

    page.goto("/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert_accessible(page)
    page.screenshot(path=str(screenshots / "russian-home.png"), full_page=False)
    page.goto("/ru/less-equal/crackdown-on-lgbti-rights/")
    assert_accessible(page)
