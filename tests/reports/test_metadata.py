import pytest

from django.core.management import call_command

from reports.factories import PressReleasePageFactory
from tests.html import hrefs, json_ld, meta, soup

pytestmark = pytest.mark.django_db
NASTY = '</script><script>alert(1)</script>"><img src=x onerror=alert(2)>'


def test_report_page_metadata(client, report, chapters):
    html = client.get(report.url).content.decode()

    assert soup(html).title.get_text().startswith("Less equal — ")
    assert hrefs(html, 'link[rel~="canonical"]') == ["http://localhost/less-equal/"]
    assert meta(html, "property", "og:title") == "Less equal"
    assert meta(html, "name", "twitter:card") in {"summary", "summary_large_image"}
    data = json_ld(html)
    types = {d["@type"] for d in data}
    assert types == {"Report", "Organization"}
    report_ld = next(d for d in data if d["@type"] == "Report")
    assert report_ld["name"].startswith("Less equal: LGBTI human rights defenders")
    assert [part["name"] for part in report_ld["hasPart"]] == [c.title for c in chapters]
    assert report_ld["publisher"]["@type"] == "Organization"


def test_chapter_and_press_release_metadata(client, report, chapters, release):
    chapter_ld = json_ld(client.get(chapters[1].url).content.decode())[0]
    assert chapter_ld["@type"] == "Chapter"
    assert chapter_ld["position"] == 2
    assert chapter_ld["isPartOf"]["url"] == "http://localhost/less-equal/"

    html = client.get(release.url).content.decode()
    release_ld = json_ld(html)[0]
    assert release_ld["@type"] == "NewsArticle"
    assert release_ld["headline"] == release.title
    assert meta(html, "property", "og:type") == "article"


def test_social_image_is_a_1200x630_rendition_of_the_cover(client, report):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    report.cover_image = Image.objects.create(
        title="Cover", file=get_test_image_file(size=(1600, 1000))
    )
    report.cover_alt_text = "Activists at a vigil"
    report.save_revision().publish()

    html = client.get(report.url).content.decode()

    image = meta(html, "property", "og:image")
    assert image.startswith("http://localhost/") and "fill-1200x630" in image
    assert meta(html, "property", "og:image:alt") == "Activists at a vigil"
    assert meta(html, "name", "twitter:card") == "summary_large_image"


def test_editor_markup_is_escaped_in_page_title_meta_and_json_ld(client, report, press_index):
    release = PressReleasePageFactory(
        parent=press_index, slug="nasty", title=NASTY, standfirst=NASTY, search_description=NASTY
    )

    html = client.get(release.url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert html.count("</script>") == html.count("<script")  # nothing closed early
    assert json_ld(html)[0]["headline"] == NASTY  # the exact words survive, safely encoded
    feed = client.get("/press-releases/feed/").content.decode()
    assert "<script>" not in feed and "<img" not in feed


def test_javascript_link_typed_in_the_editor_never_reaches_the_page(admin_client, client, report):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    from reports.models import ReportChapterPage

    admin_client.post(
        f"/admin/pages/add/reports/reportchapterpage/{report.pk}/",
        nested_form_data(
            {
                "title": "Links",
                "slug": "links",
                "standfirst": "Links.",
                "body": streamfield(
                    [("paragraph", rich_text('<p><a href="javascript:alert(1)">click</a> me</p>'))]
                ),
                "footnotes": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )

    chapter = ReportChapterPage.objects.get(slug="links")
    html = client.get(chapter.url).content.decode()
    assert "click" in html
    assert "javascript:" not in html


def test_call_to_action_link_refuses_a_javascript_url():
    from django.core.exceptions import ValidationError

    from advocacy.actions.factories import ShareBoxFactory

    action = ShareBoxFactory.build(link_url="javascript:alert(1)")
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "link_url" in error.value.message_dict


def test_sitemap_and_robots(client):
    call_command("load_demo_content", verbosity=0)

    sitemap = client.get("/sitemap.xml").content.decode()
    robots = client.get("/robots.txt").content.decode()

    for path in (
        "/less-equal/",
        "/less-equal/all/",
        "/less-equal/crackdown-on-lgbti-rights/",
        "/press-releases/former-soviet-states-entrenching-homophobia/",
    ):
        assert path in sitemap
    assert "Sitemap: http://localhost/sitemap.xml" in robots
    assert "Disallow: /admin/" in robots


def test_api_lists_report_pages_with_their_fields(client):
    call_command("load_demo_content", verbosity=0)

    chapters = client.get(
        "/api/v2/pages/",
        {"type": "reports.ReportChapterPage", "fields": "standfirst,body,chapter_number"},
    ).json()
    release = client.get(
        "/api/v2/pages/", {"type": "reports.PressReleasePage", "fields": "body,notes_to_editors"}
    ).json()

    assert chapters["meta"]["total_count"] == 4
    assert [c["chapter_number"] for c in chapters["items"]] == [1, 2, 3, 4]
    assert release["items"][0]["title"].startswith("Former Soviet states entrenching homophobia")
    assert client.get("/api/v2/pages/", {"limit": 100_000}).status_code == 400


def test_translated_page_advertises_hreflang_alternates(client, report):
    from wagtail.models import Locale

    russian = Locale.objects.create(language_code="ru")
    home_ru = report.get_parent().copy_for_translation(russian)
    home_ru.save_revision().publish()
    report_ru = report.copy_for_translation(russian)
    report_ru.title = "Менее равные"
    report_ru.save_revision().publish()

    html = client.get(report.url).content.decode()
    html_ru = client.get("/ru/less-equal/").content.decode()

    alternates = {
        (link["hreflang"], link["href"])
        for link in soup(html).select('link[rel~="alternate"][hreflang]')
    }
    assert ("en", "http://localhost/less-equal/") in alternates
    assert ("ru", "http://localhost/ru/less-equal/") in alternates
    assert soup(html_ru).html["lang"] == "ru"
    assert "Менее равные" in html_ru
