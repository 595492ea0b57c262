import pytest


@pytest.mark.usefixtures("demo_site")
def test_journalist_filters_copies_a_quote_opens_its_permalink_and_downloads_its_card(
    page, live_server, assert_accessible
):
    from advocacy.statements.models import Statement

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto("/statements/")
    assert_accessible(page)

    page.get_by_label("Country").select_option(label="Belarus")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/statements/?*country=BY*")
    assert_accessible(page)

    testimony = Statement.objects.get(anonymous_source="a prominent LGBTI activist in Belarus")
    item = page.locator(".desk__item").filter(has_text="the personal risks were too great.")
    item.get_by_text("Cite", exact=True).click()  # the citation opens in place
    item.get_by_role("button", name="Copy citation").click()
    item.get_by_role("status").filter(has_text="Copied").wait_for()

    copied = page.evaluate("navigator.clipboard.readText()")
    permalink = f"{live_server.url}{testimony.get_absolute_url()}"
    assert copied == testimony.citation(permalink)
    assert copied.startswith("“the personal risks were too great,” said a prominent LGBTI activist")

    item.get_by_role("link", name="Permalink").click()
    page.wait_for_url(f"**{testimony.get_absolute_url()}")
    assert page.locator(".quote__text").inner_text() == "“the personal risks were too great.”"
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download card (1200×630 PNG)").click()
    download = download_info.value
    assert download.suggested_filename == f"statement-{testimony.pk}-og.png"
    with open(download.path(), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"


@pytest.mark.usefixtures("demo_site")
def test_press_page_and_statement_pages_are_accessible_on_a_phone(phone_page, assert_accessible):
    for path in ("/press/", "/statements/", "/countries/belarus/"):
        phone_page.goto(path)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways on a phone"
        assert_accessible(phone_page)
