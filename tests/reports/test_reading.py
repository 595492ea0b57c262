import uuid

import pytest
from wagtail_footnotes.models import Footnote

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from countries.factories import CountryIndexPageFactory, CountryPageFactory
from reports.factories import KeyFindingFactory, ReportChapterPageFactory
from reports.models import ReportChapterPage, ReportCountry
from tests.html import hrefs, links, one, select, soup, texts
from tests.html import text as text_of

pytestmark = pytest.mark.django_db


def test_landing_page_shows_summary_findings_chapters_download_and_countries(
    client, report, chapters
):
    KeyFindingFactory(report=report, text="Belarus adopted a law in 2016.", sort_order=1)
    KeyFindingFactory(report=report, text="All four attempted laws.", sort_order=0)
    report.pdf = Document.objects.create(
        title="Less equal (PDF)",
        file=ContentFile(b"%PDF-1.4 " + b"x" * 2048, name="less-equal.pdf"),
    )
    index = CountryIndexPageFactory(parent=report.get_parent())
    armenia = CountryPageFactory(parent=index, title="Armenia", iso_code="AM")
    hidden = CountryPageFactory(parent=index, title="Draftland", iso_code="XK", live=False)
    report.countries = [
        ReportCountry(country=armenia.iso_code),
        ReportCountry(country=hidden.iso_code),
    ]
    report.save_revision().publish()

    html = client.get("/less-equal/").content.decode()

    assert "What the report found." in html
    text = text_of(html)
    assert text.index("All four attempted laws.") < text.index("Belarus adopted a law in 2016.")
    for chapter in chapters:
        assert chapter.title in html
        assert chapter.url in hrefs(html)
    assert "What this chapter covers." in html
    assert "Download PDF, 3 KB" in text  # format and size, rounded up to whole KB
    assert "Armenia" in html
    assert "Draftland" not in html


def test_chapter_numbers_follow_their_order_among_live_siblings(report, chapters):
    first, second, third = chapters
    assert [c.chapter_number for c in chapters] == [1, 2, 3]

    third.move(first, pos="left")
    second.refresh_from_db()
    second.unpublish()

    numbers = {c.title: c.chapter_number for c in ReportChapterPage.objects.live()}
    assert numbers == {third.title: 1, first.title: 2}


def test_chapter_page_has_toc_pager_reading_time_and_breadcrumb(client, report, chapters):
    middle = chapters[1]
    middle.body = [
        ("heading", {"text": "Propaganda laws", "level": "h2", "anchor": ""}),
        ("paragraph", RichText("<p>" + "word " * 450 + "</p>")),
        ("heading", {"text": "Pride marches", "level": "h3", "anchor": ""}),
    ]
    middle.save_revision().publish()

    html = client.get(middle.url).content.decode()

    assert ("Propaganda laws", "#propaganda-laws") in links(html)
    assert texts(html, "h2#propaganda-laws") == ["Propaganda laws"]
    assert texts(html, "h3#pride-marches") == ["Pride marches"]
    assert "3 min read" in html  # 454 words at 200 a minute
    assert chapters[0].url in hrefs(html, '[rel~="prev"]')
    assert chapters[2].url in hrefs(html, '[rel~="next"]')
    breadcrumb = one(html, ".breadcrumb")
    assert ("Less equal", report.url) in links(breadcrumb)
    assert "Chapter 2: Crackdown on LGBTI rights" in text_of(breadcrumb)
    assert "Chapter 2 of 3" in html


def test_last_chapter_leads_back_to_the_report(client, report, chapters):
    html = client.get(chapters[-1].url).content.decode()
    assert select(html, '[rel~="next"]') == []
    assert "Back to the report" in html


def footnoted_chapter(report, notes):
    ids = [uuid.uuid4() for _ in notes]
    paragraphs = "".join(
        f'<p>Claim {n}.<footnote id="{i}">[{n}]</footnote></p>' for n, i in enumerate(ids)
    )
    chapter = ReportChapterPageFactory(
        parent=report, slug="footnoted", body=[("paragraph", RichText(paragraphs))]
    )
    # Stored out of reading order: numbering must follow the text, not the database.
    for i, note in reversed(list(zip(ids, notes, strict=True))):
        Footnote.objects.create(page=chapter, uuid=i, text=f"<p>{note}</p>")
    return chapter


def test_footnotes_are_numbered_in_reading_order_and_link_both_ways(client, report):
    chapter = footnoted_chapter(report, ["First source", "Second source"])

    html = client.get(chapter.url).content.decode()

    pk = chapter.pk
    assert links(html, f"a#fn{pk}-source-1-1") == [("[1]", f"#fn{pk}-1")]
    assert texts(html, f"a#fn{pk}-source-1-1 > sup") == ["[1]"]
    assert links(html, f"a#fn{pk}-source-2-1") == [("[2]", f"#fn{pk}-2")]
    assert texts(html, f"a#fn{pk}-source-2-1 > sup") == ["[2]"]
    notes = one(html, ".footnotes")
    assert text_of(notes).index("First source") < text_of(notes).index("Second source")
    assert select(notes, f"li#fn{pk}-1")
    assert f"#fn{pk}-source-1-1" in hrefs(notes)


def test_chapter_queries_do_not_grow_with_paragraphs_or_footnotes(
    client, report, django_assert_max_num_queries
):
    small = footnoted_chapter(report, ["One"])
    client.get(small.url)
    with django_assert_max_num_queries(50) as baseline:
        client.get(small.url)
    # Read the count now: every request resets Django's query log.
    baseline_count = len(baseline.captured_queries)
    big = ReportChapterPageFactory(parent=report, slug="big")
    ids = [uuid.uuid4() for _ in range(20)]
    big.body = [
        ("paragraph", RichText(f'<p>Claim.<footnote id="{i}">[1]</footnote></p>')) for i in ids
    ]
    big.save_revision().publish()
    for i in ids:
        Footnote.objects.create(page=big, uuid=i, text="<p>Note.</p>")
    client.get(big.url)
    with django_assert_max_num_queries(baseline_count):
        client.get(big.url)


def test_whole_report_page_has_every_chapter_in_order_with_unique_ids(client, report, chapters):
    footnoted_chapter(report, ["A source"])

    response = client.get("/less-equal/all/")

    html = response.content.decode()
    assert response.status_code == 200
    ids = [element["id"] for element in soup(html).find_all(id=True)]
    positions = [ids.index(f"chapter-{c.pk}") for c in chapters]
    assert positions == sorted(positions)
    assert "A source" in html
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert duplicates == set()
    assert hrefs(html, 'link[rel~="canonical"]') == ["http://localhost/less-equal/all/"]


def test_whole_report_queries_stay_flat_as_chapters_grow(
    client, report, django_assert_max_num_queries
):
    for _ in range(2):
        ReportChapterPageFactory(parent=report)
    client.get("/less-equal/all/")
    with django_assert_max_num_queries(60) as baseline:
        client.get("/less-equal/all/")
    baseline_count = len(baseline.captured_queries)
    for _ in range(10):
        ReportChapterPageFactory(parent=report)
    client.get("/less-equal/all/")  # new pages renew the cached site frame
    with django_assert_max_num_queries(baseline_count):
        client.get("/less-equal/all/")


def test_heading_anchor_is_set_once_and_survives_a_rename(client, report):
    chapter = ReportChapterPageFactory(
        parent=report,
        slug="anchors",
        body=[
            ("heading", {"text": "Crackdown", "level": "h2", "anchor": ""}),
            ("heading", {"text": "Crackdown", "level": "h2", "anchor": ""}),
        ],
    )
    assert [b.value["anchor"] for b in chapter.body] == ["crackdown", "crackdown-2"]

    chapter.body[0].value["text"] = "The crackdown on LGBTI rights"
    chapter.save_revision().publish()

    html = client.get(chapter.url).content.decode()
    assert texts(html, "h2#crackdown") == ["The crackdown on LGBTI rights"]


def test_an_invalid_anchor_is_refused_with_a_message(report):
    from django.core.exceptions import ValidationError

    from advocacy.core.blocks import HeadingBlock

    with pytest.raises(ValidationError) as error:
        HeadingBlock().clean({"text": "Title", "level": "h2", "anchor": "Not Valid!"})
    assert "lower-case letters" in str(error.value.block_errors["anchor"])
