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
    # The switcher is labelled in the page's language ("Языки"); each language in its own.
    page.get_by_role("navigation", name="Языки").get_by_role("link", name="English").click()
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


PASSWORD = "correct horse battery staple"


@pytest.mark.usefixtures("demo_site")
def test_russian_pages_on_a_phone_and_the_editors_translation_screen(
    phone_page, page, sign_in_to_admin, screenshots, assert_accessible
):
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    # A reader on a phone: the Russian home page and a Russian chapter.
    phone_page.goto("/ru/")
    assert phone_page.locator("html").get_attribute("lang") == "ru"
    phone_page.screenshot(path=str(screenshots / "russian-home-phone.png"), full_page=True)
    phone_page.goto("/ru/less-equal/crackdown-on-lgbti-rights/")
    assert "Наступление на права ЛГБТИ" in phone_page.locator("h1").inner_text()
    assert phone_page.locator("[data-translation-notice]").is_visible()
    assert_accessible(phone_page)
    phone_page.screenshot(path=str(screenshots / "russian-chapter-phone.png"), full_page=True)

    # An editor, admin in Russian, opens the translation of the press release: the
    # segment-by-segment editor with the English source beside each Russian string.
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    sign_in_to_admin(page, "editor", PASSWORD)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ru"
    profile.save()
    release = Page.objects.get(
        locale__language_code="ru", slug="former-soviet-states-entrenching-homophobia"
    )
    page.goto(f"/admin/pages/{release.pk}/edit/")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.get_by_text("Бывшие советские государства укореняют гомофобию").first.wait_for()
    page.get_by_text("Former Soviet states entrenching homophobia").first.wait_for()
    page.screenshot(path=str(screenshots / "admin-translation-editor.png"), full_page=False)

    page.goto("/admin/translations/status/?locale=ru")
    assert page.locator("table[data-translations] tbody tr").count() >= 20
