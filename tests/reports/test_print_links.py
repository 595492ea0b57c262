"""The whole report on one page gives every link on the site its full address, so the
addresses print.css spells out after links lead back to the site from paper."""

import pytest

from reports.factories import ReportChapterPageFactory
from reports.models.report import absolute_links
from tests.html import hrefs, one, text, texts

pytestmark = pytest.mark.django_db


def test_links_to_the_site_carry_its_origin_on_the_whole_report_page(client, report):
    ReportChapterPageFactory(parent=report, slug="crackdown")

    response = client.get(report.url + "all/")

    article_links = hrefs(one(response, "article.report-all"), "a[href]")
    assert article_links, "the page has links"
    assert not [href for href in article_links if href.startswith("/")]
    assert f"http://localhost{report.url}" in article_links


def test_the_first_printed_page_names_the_organisation_title_date_and_address(client, report):
    response = client.get(report.url + "all/")

    cover = one(response, ".print-cover")
    assert text(cover, ".print-cover__org") == "Amnesty International"
    assert text(cover, ".print-cover__title").startswith(report.title)
    assert texts(cover, "dt") == ["Published", "Online at"]
    assert texts(cover, "dd") == ["date not given", f"http://localhost{report.url}all/"]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="/less-equal/">', '<a href="https://site.example/less-equal/">'),
        ('<a class="x" href="/a/">', '<a class="x" href="https://site.example/a/">'),
        ('<a href="#fn-1">', '<a href="#fn-1">'),
        ('<a href="//other.example/">', '<a href="//other.example/">'),
        ('<a href="https://other.example/">', '<a href="https://other.example/">'),
        ('<link href="/static/site.css">', '<link href="/static/site.css">'),
    ],
)
def test_only_anchors_to_paths_on_the_site_change(html, expected):
    assert absolute_links(html, "https://site.example") == expected


def test_other_pages_keep_relative_links(client, report):
    assert hrefs(client.get(report.url), "a.site-header__brand") == ["/"]
