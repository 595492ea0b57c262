"""A signer signs and confirms in a real browser; a campaigner exports and erases in the admin."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.core import mail

CONFIRM_LINK = re.compile(r"https?://\S+/act/confirm/[^/\s]+/")


def petition():
    from advocacy.actions.models import CallToAction

    return CallToAction.objects.get(kind="petition", locale__language_code="en")


def fill_in(page, name, email, country="Armenia"):
    page.get_by_label("Your name", exact=True).fill(name)
    page.get_by_label("Email address", exact=True).fill(email)
    page.get_by_label("Country", exact=True).select_option(label=country)
    page.get_by_label("I agree to the text above").check()


@pytest.mark.usefixtures("demo_site")
def test_visitor_signs_confirms_sees_the_count_rise_and_cannot_sign_twice(page, assert_accessible):
    from advocacy.actions.models import Signature

    action = petition()
    page.goto("/less-equal/")
    page.get_by_role("link", name=re.compile(f"^Sign the petition.*{action.title}")).click()
    page.wait_for_url(f"**/act/{action.slug}/")
    assert_accessible(page)
    assert page.locator(".action__header .progress__label").inner_text() == (
        "Be the first to sign."
    )

    fill_in(page, "Nara Example", "nara@example.org")
    page.get_by_role("button", name="Sign the petition").click()

    page.wait_for_url("**/check-your-email/")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email"
    assert_accessible(page)
    link = CONFIRM_LINK.search(mail.outbox[-1].body).group(0)
    page.goto(link)
    assert "Nara Example" in page.locator(".confirm__details").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm my signature").click()

    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Thank you: your signature is confirmed"
    assert page.locator(".progress__label").inner_text().startswith("1 person has signed")
    assert_accessible(page)

    page.goto(action.get_absolute_url())
    assert (
        page.locator(".action__header .progress__label")
        .inner_text()
        .startswith("1 person has signed")
    )
    fill_in(page, "Nara Again", "  NARA@Example.org ")
    page.get_by_role("button", name="Sign the petition").click()

    page.wait_for_url("**/check-your-email/")
    assert "If this address has signed before, the message says so instead" in page.inner_text(
        "main"
    )
    assert mail.outbox[-1].subject == f"You have already signed: {action.title}"
    assert "Each address counts once, so there is nothing more to do" in mail.outbox[-1].body
    assert Signature.objects.filter(call_to_action=action).count() == 1
    action.refresh_from_db()
    assert action.confirmed_count == 1


@pytest.mark.usefixtures("demo_site")
def test_mistakes_are_shown_next_to_the_fields_and_what_was_typed_stays(page, assert_accessible):
    action = petition()
    page.goto(action.get_absolute_url())
    page.get_by_label("Your name", exact=True).fill("<b>Nara</b>")
    page.get_by_label("Email address", exact=True).fill("nara@")
    page.get_by_role("button", name="Sign the petition").click()

    summary = page.get_by_role("alert")
    assert "Your signature was not recorded yet" in summary.inner_text()
    assert page.get_by_label("Your name", exact=True).input_value() == "<b>Nara</b>"
    assert page.get_by_label("Your name", exact=True).get_attribute("aria-invalid") == "true"
    assert "Please tick this box to agree" in page.locator(".consent").inner_text()
    summary.get_by_role("link", name=re.compile("^Email address")).click()
    assert page.evaluate("document.activeElement.name") == "email"
    assert_accessible(page)


@pytest.mark.usefixtures("demo_site")
def test_signing_works_without_javascript(browser, live_server):
    from advocacy.actions.models import Signature

    action = petition()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(action.get_absolute_url())
        assert not page.get_by_role("button", name="Copy link").is_visible()
        assert (
            page.get_by_label("Link to this page").input_value().endswith(action.get_absolute_url())
        )
        fill_in(page, "No Script", "noscript@example.org", country="Kyrgyzstan")
        page.get_by_role("button", name="Sign the petition").click()
        page.wait_for_url("**/check-your-email/")
        page.goto(CONFIRM_LINK.search(mail.outbox[-1].body).group(0))
        page.get_by_role("button", name="Confirm my signature").click()
        assert "1 person has signed" in page.locator(".progress__label").inner_text()
    finally:
        context.close()
    assert Signature.objects.get().country.code == "KG"


@pytest.mark.usefixtures("demo_site")
def test_copy_link_copies_the_address(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    action = petition()
    page.goto(action.get_absolute_url())

    page.get_by_role("button", name="Copy link").click()
    # The clipboard write is asynchronous: wait for the announcement before counting it.
    page.get_by_role("status").filter(has_text="Link copied").wait_for()

    assert page.get_by_role("status").filter(has_text="Link copied").count() == 1
    assert page.evaluate("navigator.clipboard.readText()").endswith(action.get_absolute_url())


@pytest.mark.usefixtures("demo_site")
def test_sign_page_fits_a_phone_and_a_desktop(page, phone_page, assert_accessible, screenshots):
    """Nothing scrolls sideways at 360 px; the README screenshots come from here."""
    screenshots.mkdir(parents=True, exist_ok=True)
    action = petition()
    for tab, name in ((phone_page, "actions-sign-phone.png"), (page, "actions-sign-desktop.png")):
        tab.goto(action.get_absolute_url())
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name}: the page scrolls sideways by {overflow}px"
        tab.screenshot(path=str(screenshots / name), full_page=True)
    assert_accessible(phone_page)
    phone_page.goto("/act/")
    assert_accessible(phone_page)


@pytest.fixture
def campaigner(demo_site):
    from advocacy.actions import queries
    from advocacy.actions.factories import SignatureFactory

    action = petition()
    SignatureFactory(
        call_to_action=action,
        name='=HYPERLINK("http://evil.example")',
        email="dana@example.org",
        country="BY",
        confirmed=True,
    )
    SignatureFactory(call_to_action=action, email="keep@example.org", confirmed=True)
    SignatureFactory(call_to_action=action, email="pending@example.org")
    assert queries.find_signer("dana@example.org")
    return get_user_model().objects.create_superuser(
        "campaigner", "campaigner@example.org", "correct horse battery staple"
    )


def log_in(page, sign_in_to_admin):
    sign_in_to_admin(page, "campaigner", "correct horse battery staple")


def test_campaigner_sees_counts_exports_the_csv_and_erases_a_signer(
    page, campaigner, assert_accessible, sign_in_to_admin, screenshots
):
    from advocacy.actions.models import CallToAction, Signature

    action = petition()
    log_in(page, sign_in_to_admin)
    assert "Signatures confirmed" in page.inner_text("main")

    page.goto("/admin/snippets/actions/calltoaction/")
    row = page.get_by_role("row").filter(has_text=action.title)
    assert row.get_by_role("cell").all_inner_texts()[-4:] == ["2", "1", "1,000", "LIVE"]
    assert_accessible(page)
    page.screenshot(path=str(screenshots / "actions-admin-desktop.png"), full_page=True)

    page.goto(f"/admin/signatures/?call_to_action={action.pk}")
    assert "dana@example.org" in page.inner_text("main")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    exported = open(download_info.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert "dana@example.org" in exported
    assert "'=HYPERLINK" in exported
    assert not re.search(r"(^|,)=HYPERLINK", exported, re.M)

    page.get_by_role("link", name="Erase a signer").click()
    page.wait_for_url("**/admin/erase-signer/")
    assert_accessible(page)
    page.get_by_role("textbox", name=re.compile("^Email address")).fill("DANA@example.org")
    page.get_by_role("button", name="Find signatures").click()
    assert action.title in page.inner_text("main")
    page.get_by_role("button", name="Erase this signature").click()

    page.get_by_text("Erased 1 signature(s) of that address.").wait_for()
    assert not Signature.objects.filter(email="dana@example.org").exists()
    assert CallToAction.objects.get(pk=action.pk).confirmed_count == 1
    page.goto("/admin/snippets/actions/calltoaction/")
    row = page.get_by_role("row").filter(has_text=action.title)
    assert row.get_by_role("cell").all_inner_texts()[-4:] == ["1", "1", "1,000", "LIVE"]
