"""A journalist on a phone (390×844) scans the quote desk and opens one statement's citation
in place, without leaving the list (issue 11, item 8)."""

import os

import pytest

PHONE_390 = {"width": 390, "height": 844}
# The demo's 8 statements made a 7,800 px page at this width before the entries were made
# compact; a compact desk stays well under it (not a timing: a length on the page).
MAX_DESK_HEIGHT = 5000


@pytest.fixture
def phone_390(browser, live_server, page_problems):
    context = browser.new_context(
        viewport=PHONE_390, base_url=live_server.url, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    page_problems.watch(tab)
    yield tab
    context.close()
    assert page_problems.unexpected == []


def page_height(page):
    return page.evaluate("document.documentElement.scrollHeight")


@pytest.mark.usefixtures("demo_site")
def test_journalist_opens_a_citation_in_place_on_a_phone(phone_390, live_server, screenshots):
    from advocacy.statements.models import Statement

    page = phone_390
    page.goto("/statements/")
    closed = page_height(page)
    if os.environ.get("REPORT_DESK_HEIGHT"):
        print(f"\nquote desk at 390×844, citations closed: {closed} px")  # noqa: T201
    assert closed <= MAX_DESK_HEIGHT, f"the quote desk is {closed} px tall on a phone"

    testimony = Statement.objects.get(anonymous_source="a prominent LGBTI activist in Belarus")
    permalink = f"{live_server.url}{testimony.get_absolute_url()}"
    item = page.locator(".desk__item").filter(has_text="the personal risks were too great.")
    citation = item.locator(".citation__text")
    assert not citation.is_visible()  # closed until asked for

    item.get_by_text("Cite", exact=True).click()

    assert citation.is_visible()
    assert citation.inner_text() == testimony.citation(permalink)
    assert citation.inner_text().startswith(
        "“the personal risks were too great,” said a prominent LGBTI activist in Belarus"
    )
    assert item.get_by_role("button", name="Copy citation").is_visible()
    # One way to the permalink per entry.
    assert item.get_by_role("link", name="Permalink").count() == 1
    assert [
        a.get_attribute("href")
        for a in item.locator("a[href*='/statements/']:not([href$='.png'])").all()
    ] == [permalink]
    opened = page_height(page)
    if os.environ.get("REPORT_DESK_HEIGHT"):
        print(f"quote desk at 390×844, one citation open: {opened} px")  # noqa: T201
    page.screenshot(path=screenshots / "quote-desk-phone.png", full_page=True)
