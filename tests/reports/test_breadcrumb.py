"""A chapter's breadcrumb: Home › the report › this chapter, never the site's title twice."""

import pytest

from tests.html import links, one, texts

pytestmark = pytest.mark.django_db


def test_the_breadcrumb_starts_at_home_then_the_report_then_this_chapter(client, home, chapters):
    home.title = "Less equal"
    home.save_revision().publish()
    report = chapters[1].get_parent()
    report.title = "Less equal"
    report.save_revision().publish()

    breadcrumb = one(client.get(chapters[1].url), ".breadcrumb")

    assert texts(breadcrumb, "li") == [
        "Home",
        "Less equal",
        "Chapter 2: Crackdown on LGBTI rights",
    ]
    assert links(breadcrumb) == [("Home", "/"), ("Less equal", report.url)]
    assert one(breadcrumb, "li:last-child [aria-current]")["aria-current"] == "page"
