"""A reader who reads the report and the country pages leaves nothing on the device: no
cookie, nothing in localStorage or sessionStorage, no service worker."""

import pytest

STORAGE = "[localStorage.length, sessionStorage.length]"
SERVICE_WORKERS = (
    "navigator.serviceWorker ? navigator.serviceWorker.getRegistrations()"
    ".then(found => found.length) : 0"
)


@pytest.mark.usefixtures("demo_site")
def test_reading_the_report_and_the_countries_leaves_no_trace(page):
    page.goto("/less-equal/")
    page.get_by_role("link", name="Start reading").click()
    page.wait_for_url("**/less-equal/introduction/")
    page.get_by_role("link", name="Next chapter").first.click()
    page.wait_for_url("**/less-equal/crackdown-on-lgbti-rights/")
    page.locator("a.footnote-ref").first.click()
    page.goto("/less-equal/all/")
    page.goto("/countries/")
    for country in ("Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan"):
        page.goto("/countries/")
        page.get_by_role("link", name=country, exact=True).first.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text().startswith(country)
        assert page.evaluate(STORAGE) == [0, 0]

    assert page.context.cookies() == []
    assert page.evaluate(STORAGE) == [0, 0]
    assert page.evaluate(SERVICE_WORKERS) == 0
    assert page.context.service_workers == []
