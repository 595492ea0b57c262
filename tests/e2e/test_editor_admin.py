"""An editor's admin, seen in Chromium: the statement list's status column and filter, the
statement form's checkboxes, and the dashboard's press-contact warning."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from tests.site_home import build_home

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(transactional_db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def quote_desk(editor):
    from advocacy.statements.factories import StatementFactory, TopicFactory
    from countries.factories import CountryIndexPageFactory, CountryPageFactory

    home = build_home()
    index = CountryIndexPageFactory(parent=home)
    for title, code in [("Armenia", "AM"), ("Belarus", "BY"), ("Kazakhstan", "KZ")]:
        CountryPageFactory(parent=index, title=title, slug=title.lower(), iso_code=code)
    TopicFactory(name="Safety", slug="safety")
    TopicFactory(name="Freedom of assembly", slug="assembly")
    StatementFactory(text="Words already public")
    StatementFactory(text="Words still in draft", live=False)
    changed = StatementFactory(text="Public words with a change waiting")
    changed.context_note = "A note not yet published"
    changed.save_revision()


def test_the_statement_list_tells_live_from_draft_and_filters(
    page, quote_desk, sign_in_to_admin, screenshots
):
    sign_in_to_admin(page, "editor", PASSWORD)
    page.goto("/admin/snippets/statements/statement/")

    rows = page.locator("table.listing tbody tr")
    expect(rows.filter(has_text="Words still in draft")).to_contain_text("draft")
    expect(rows.filter(has_text="Public words with a change")).to_contain_text("live + draft")
    page.screenshot(path=screenshots / "admin-statement-list.png")

    page.goto("/admin/snippets/statements/statement/?status=draft")
    expect(page.locator("table.listing tbody tr")).to_have_count(1)
    expect(page.locator("table.listing tbody tr")).to_contain_text("Words still in draft")


def test_the_statement_form_offers_checkboxes(page, quote_desk, sign_in_to_admin, screenshots):
    sign_in_to_admin(page, "editor", PASSWORD)
    page.goto("/admin/snippets/statements/statement/add/")

    countries = page.locator("#id_countries")
    countries.get_by_label("Belarus").check()
    page.get_by_label("Safety").check()
    page.locator("[data-contentpath='countries']").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "admin-statement-countries.png")
    countries.locator("summary").click()
    countries.get_by_label("France").check()
    expect(countries.get_by_label("France")).to_be_checked()
    expect(page.locator("#id_language option", has_text="Armenian")).to_have_count(1)


def test_the_dashboard_asks_for_a_press_contact(page, editor, sign_in_to_admin, screenshots):
    build_home()
    sign_in_to_admin(page, "editor", PASSWORD)

    warning = page.locator("#press-contact-missing-section")
    expect(warning).to_contain_text("No press contact")
    warning.get_by_role("link", name="Add the press contact in the site settings").click()
    expect(page.get_by_label("Press email")).to_be_visible()
    page.goto("/admin/")
    page.locator("#press-contact-missing-section").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "admin-dashboard-press-contact.png")
