"""The whole report printed: a first page saying who, what, when and where; calls to action
left out; every link's full address after it."""

import re

import pytest


@pytest.mark.usefixtures("demo_site")
def test_the_printed_report_opens_with_its_cover_and_leaves_out_calls_to_action(page, live_server):
    page.goto("/less-equal/all/")
    cover = page.locator(".print-cover")
    ctas = page.locator(".cta-slot")
    assert ctas.count() == 2
    assert not cover.is_visible(), "the paper cover is for paper only"

    page.emulate_media(media="print")

    assert cover.is_visible()
    assert cover.locator(".print-cover__org").text_content() == "Amnesty International"
    assert " ".join(cover.locator(".print-cover__title").text_content().split()) == (
        "Less equal: LGBTI human rights defenders in Armenia, Belarus, Kazakhstan and Kyrgyzstan"
    )
    details = cover.locator("dl").inner_text()
    assert re.search(r"Published\s+date not given", details)
    assert f"{live_server.url}/less-equal/all/" in details
    # The cover is a page of its own; the report's text starts on the next.
    assert cover.evaluate("el => getComputedStyle(el).breakAfter") == "page"
    assert all(not ctas.nth(i).is_visible() for i in range(ctas.count()))
    assert not page.locator(".site-header").is_visible()

    # A link in the text prints its full address after it.
    link = page.locator(".report-all .quote__source a").first
    href = link.get_attribute("href")
    assert href.startswith(f"{live_server.url}/")
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert after == f'" ({href})"'

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
