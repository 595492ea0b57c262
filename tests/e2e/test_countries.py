import pytest


@pytest.mark.usefixtures("demo_site")
def test_visitor_filters_the_timeline_by_kyrgyzstan(page, assert_accessible):
    page.goto("/countries/")
    assert_accessible(page)
    table = page.get_by_role("table", name="The four countries compared, fact by fact")
    assert table.get_by_role("columnheader").all_inner_texts() == [
        "Fact",
        "Armenia",
        "Belarus",
        "Kazakhstan",
        "Kyrgyzstan",
    ]

    page.get_by_role("navigation", name="Filter the timeline by country").get_by_role(
        "link", name="Kyrgyzstan"
    ).click()

    page.wait_for_url("**/countries/?country=KG*")
    labels = page.locator(".timeline .timeline__country").all_inner_texts()
    assert labels and set(labels) == {"Kyrgyzstan"}
    assert "May 2015" in page.locator(".timeline").inner_text()
    assert_accessible(page)


@pytest.mark.usefixtures("demo_site")
def test_country_page_is_accessible_and_fits_a_phone(page, phone_page, assert_accessible):
    page.goto("/countries/belarus/")
    assert "Adopted (2016)" in page.locator(".facts").inner_text()
    assert_accessible(page)
    for path in ("/countries/", "/countries/belarus/"):
        phone_page.goto(path)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways on a phone"
    assert_accessible(phone_page)
