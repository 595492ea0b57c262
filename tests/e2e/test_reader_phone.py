"""A reader on a phone (390 × 844): the country comparison and a chapter's breadcrumb."""

import pytest

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server, page_problems):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    page_problems.watch(tab)
    yield tab
    context.close()
    assert page_problems.unexpected == []


@pytest.mark.usefixtures("demo_site")
def test_the_fact_column_stays_in_view_while_the_reader_scrolls_the_comparison(
    phone, assert_accessible
):
    phone.goto("/countries/")
    region = phone.get_by_role("region", name="The four countries compared, fact by fact")
    table = region.get_by_role("table", name="The four countries compared, fact by fact")
    row_label = table.get_by_role("rowheader", name="Police response to hate crimes")
    last_country = table.get_by_role("columnheader", name="Kyrgyzstan")
    region.scroll_into_view_if_needed()
    box = region.bounding_box()
    assert last_country.bounding_box()["x"] > box["x"] + box["width"], "nothing to scroll"

    # The keyboard scrolls it: the region takes focus, the arrow keys move it sideways.
    region.focus()
    assert region.evaluate("el => el === document.activeElement")
    for _ in range(30):
        phone.keyboard.press("ArrowRight")
    # (to its end; the browser may animate the scroll)
    phone.wait_for_function(
        "el => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1", arg=region.element_handle()
    )

    label = row_label.bounding_box()
    assert abs(label["x"] - box["x"]) < 1, "the row labels scrolled away"
    # Nothing covers the label: the scrolled cells pass beneath it.
    centre = (label["x"] + label["width"] / 2, label["y"] + label["height"] / 2)
    assert row_label.evaluate(
        "(el, [x, y]) => el.contains(document.elementFromPoint(x, y))", list(centre)
    )
    last = last_country.bounding_box()
    assert last["x"] + last["width"] <= box["x"] + box["width"] + 1, "the last country is in view"
    assert (
        phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        <= 0
    )
    assert_accessible(phone)


@pytest.mark.usefixtures("demo_site")
def test_a_chapter_s_breadcrumb_wraps_cleanly_on_a_phone(phone):
    phone.goto("/less-equal/crackdown-on-lgbti-rights/")
    crumbs = phone.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem")

    assert crumbs.all_inner_texts()[0].startswith("Home")
    # Each separator ends the crumb before it, so a wrapped line never begins with "›".
    separators = crumbs.evaluate_all(
        "items => items.map(li => [getComputedStyle(li, '::before').content,"
        " getComputedStyle(li, '::after').content])"
    )
    assert [after for _, after in separators] == ['"›"', '"›"', "none"]
    assert {before for before, _ in separators} == {"none"}
    # The trail ends above the chapter's first line, with room between them.
    trail = phone.get_by_role("navigation", name="Breadcrumb").bounding_box()
    eyebrow = phone.locator(".chapter .eyebrow").bounding_box()
    assert trail["y"] + trail["height"] + 8 <= eyebrow["y"]
