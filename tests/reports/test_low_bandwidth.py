"""On a poor connection: the whole report and every chapter of the demo report stay under
50 KB transferred without images, and images load lazily, sized, as AVIF or WebP."""

import gzip

import pytest
from wagtail_factories import ImageFactory

from django.contrib.staticfiles import finders
from django.core.management import call_command

from reports.factories import ReportChapterPageFactory
from reports.models import ReportPage
from tests.html import select, soup

pytestmark = pytest.mark.django_db

BUDGET = 50 * 1024


def transferred(client, path):
    """The page's HTML as sent, plus its stylesheets and scripts as WhiteNoise sends them
    (gzip-compressed; CompressedManifestStaticFilesStorage keeps the .gz beside each)."""
    response = client.get(path)
    assert response.status_code == 200, path
    total = len(response.content)
    document = soup(response)
    assets = [link["href"] for link in document.select('link[rel="stylesheet"]')]
    assets += [script["src"] for script in document.select("script[src]")]
    for url in assets:
        found = finders.find(url.removeprefix("/static/"))
        assert found, url
        with open(found, "rb") as handle:
            total += len(gzip.compress(handle.read()))
    return total


def test_the_whole_report_and_each_chapter_stay_under_50_kb(client):
    call_command("load_demo_content", verbosity=0)
    report = ReportPage.objects.live().get(slug="less-equal")
    sizes = {path: transferred(client, path) for path in [report.url + "all/"]}
    sizes |= {chapter.url: transferred(client, chapter.url) for chapter in report.chapters()}
    assert len(sizes) == 1 + len(report.chapters())
    assert all(size < BUDGET for size in sizes.values()), sizes


def test_chapter_images_are_lazy_sized_and_offered_as_avif_and_webp(client, report):
    image = ImageFactory(title="Rally", width=1600, height=1000)
    chapter = ReportChapterPageFactory(
        parent=report,
        title="Pictured",
        body=[("image", {"image": image, "caption": "A rally", "credit": "© Someone"})],
    )
    page = client.get(chapter.url)
    pictures = select(page, "main figure picture")
    assert len(pictures) == 1
    sources = {source["type"] for source in pictures[0].select("source")}
    assert "image/avif" in sources
    img = pictures[0].select_one("img")
    assert img["loading"] == "lazy"
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert ".webp" in img["src"] and "," in img["srcset"]
