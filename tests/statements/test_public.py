import csv
import io
import re
from xml.etree import ElementTree

import pytest

from django.core.management import call_command

from advocacy.statements.factories import StatementFactory
from tests.html import hrefs, json_ld, links, meta, one, select, soup, text

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_permalink_shows_quote_speaker_date_source_countries_and_formats(
    client, statement, release, publish
):
    statement.source_page = release
    publish(statement)

    html = client.get(statement.get_absolute_url()).content.decode()

    assert "State authorities must ensure that LGBTI groups can work in safety" in html
    assert "Denis Krivosheev" in html
    assert "Deputy Director for Europe and Central Asia at Amnesty International" in html
    dates = [(time["datetime"], text(time)) for time in select(html, "time[datetime]")]
    assert ("2026-11-25", "25 November 2026") in dates
    assert release.url in hrefs(html)
    assert "Belarus" in html
    assert f"/statements/{statement.pk}/card-og.png" in html
    assert (
        meta(html, "property", "og:image")
        == f"http://localhost/statements/{statement.pk}/card-og.png"
    )
    assert statement.text in [img["alt"] for img in select(html, "img[alt]")]


def test_old_or_missing_slug_redirects_to_the_permalink(client, statement):
    old_url = statement.get_absolute_url()
    statement.slug = "a-new-slug"
    statement.save_revision().publish()

    for url in (old_url, f"/statements/{statement.pk}/"):
        response = client.get(url)
        assert response.status_code == 301
        assert response.headers["Location"] == f"/statements/{statement.pk}-a-new-slug/"


def test_citation_is_shown_as_selectable_text_without_javascript(client, statement):
    html = client.get(statement.get_absolute_url()).content.decode()
    expected = statement.citation(f"http://localhost{statement.get_absolute_url()}")
    assert one(html, f"p.citation__text#citation-{statement.pk}").get_text() == expected
    assert select(html, '[role="status"]')  # where the copy button announces success


def test_quote_desk_filters_by_speaker_country_topic_language_and_words(
    client, statement, testimony
):
    other = StatementFactory(text="Другой текст на русском", language="ru")

    def texts(**params):
        html = client.get("/statements/", params).content.decode()
        return len(select(html, ".desk__item")), html

    assert texts()[0] == 3
    assert texts(country="BY")[0] == 2
    assert texts(speaker=statement.speaker_id)[0] == 2  # this statement and the Russian one
    assert texts(topic="safety")[0] == 1
    assert texts(language="ru")[1].count("Другой текст") >= 1 and texts(language="ru")[0] == 1
    assert texts(q="personal risks")[0] == 1
    count, html = texts(country="ZZ")
    assert count == 3 and "not understood" in html
    assert other.pk


def test_quote_desk_is_newest_first_and_paginates(client, krivosheev):
    import datetime

    for n in range(25):
        StatementFactory(
            text=f"Numbered statement {n:02d}",
            date_said=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        )

    first = client.get("/statements/").content.decode()
    second = client.get("/statements/", {"page": 2}).content.decode()
    junk = client.get("/statements/", {"page": "abc"})

    assert first.index("Numbered statement 24") < first.index("Numbered statement 23")
    assert "Numbered statement 04" in second and "Numbered statement 04" not in first
    assert junk.status_code == 200


def test_feeds_all_per_speaker_and_per_country(client, statement, testimony):
    def titles(**params):
        feed = ElementTree.fromstring(client.get("/statements/feed/", params).content)
        return [e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")]

    assert len(titles()) == 2
    assert len(titles(speaker=statement.speaker_id)) == 1
    assert len(titles(country="BY")) == 2
    assert client.get("/statements/feed/", {"country": "zz"}).status_code == 400
    assert client.get("/statements/feed/", {"speaker": "abc"}).status_code == 400


def test_api_lists_statements_with_filters_and_clear_errors(client, statement, testimony):
    listing = client.get("/api/v2/statements/", {"country": "BY"}).json()
    item = next(i for i in listing["items"] if i["speaker_name"])

    assert listing["meta"]["total_count"] == 2
    assert item["text"] == statement.text
    assert item["speaker_role"] == "Deputy Director for Europe and Central Asia"
    assert item["date_said"] == "2026-11-25"
    assert item["country_codes"] == ["BY"]
    assert item["permalink"].endswith(statement.get_absolute_url())
    assert item["card_urls"]["og"].endswith(f"/statements/{statement.pk}/card-og.png")
    anonymous = next(i for i in listing["items"] if not i["speaker_name"])
    assert anonymous["anonymous_source"] == "a prominent LGBTI activist in Belarus"
    for params in (
        {"limit": 100000},
        {"country": "zz"},
        {"offset": -1},
        {"nonsense": 1},
        {"speaker": "x"},
    ):
        response = client.get("/api/v2/statements/", params)
        assert response.status_code == 400, params
        assert response.json()
    assert client.get("/api/v2/statements/", {"limit": 1}).json()["items"].__len__() == 1


def test_csv_download_of_a_filtered_list_is_formula_safe(client, krivosheev):
    StatementFactory(text='=HYPERLINK("http://evil")', speaker=krivosheev)
    StatementFactory(text="+1 and -1 and @SUM", speaker=krivosheev)
    StatementFactory(text="Ordinary words", speaker=krivosheev)

    response = client.get("/statements/statements.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["text", "speaker", "role"]
    texts = {row[0] for row in rows[1:]}
    assert texts == {'\'=HYPERLINK("http://evil")', "'+1 and -1 and @SUM", "Ordinary words"}
    assert client.get("/statements/statements.csv", {"country": "ZZ"}).status_code == 400


NASTY = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> 🏳️‍🌈 \u202eevil\u202c ' + "long " * 990
)


def test_hostile_quote_text_is_escaped_on_every_surface(client, krivosheev, publish):
    statement = publish(StatementFactory(text=NASTY.strip(), speaker=krivosheev))

    surfaces = {
        "page": client.get(statement.get_absolute_url()).content.decode(),
        "desk": client.get("/statements/").content.decode(),
        "feed": client.get("/statements/feed/").content.decode(),
        "api": client.get("/api/v2/statements/").content.decode(),
        "csv": client.get("/statements/statements.csv").content.decode(),
    }
    for name in ("page", "desk", "feed"):
        # On the raw bytes: a parser would read an unescaped script as a harmless element.
        assert "<script>alert(1)</script>" not in surfaces[name], name
        assert "<img src=x" not in surfaces[name], name
    assert client.get("/api/v2/statements/").json()["items"][0]["text"] == statement.text
    assert "🏳️‍🌈" in surfaces["page"]
    card = client.get(f"/statements/{statement.pk}/card-og.png")
    assert card.status_code == 200 and card.headers["Content-Type"] == "image/png"


def test_editing_a_statement_once_changes_every_page_that_quotes_it(client):
    call_command("load_demo_content", verbosity=0)
    from advocacy.statements.models import Statement

    statement = Statement.objects.get(text__startswith="The idea, promoted by Russia")
    statement.text = "The idea, promoted by Russia, edited once in the quote desk"
    statement.save_revision().publish()

    chapter = client.get("/less-equal/introduction/").content.decode()
    desk = client.get("/statements/").content.decode()
    country = client.get("/countries/armenia/").content.decode()
    for html in (chapter, desk, country):
        assert "edited once in the quote desk" in html


def test_sitemap_lists_published_statements(client, statement):
    draft = StatementFactory(text="Not yet public", live=False)
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = [loc.text for loc in ElementTree.fromstring(sitemap).iter(f"{SITEMAP}loc")]
    assert any(re.search(rf"/statements/{statement.pk}-[^/]+/$", loc) for loc in locations)
    assert f"/statements/{draft.pk}-" not in sitemap


def test_permalink_names_its_countries_and_links_their_pages(client, statement, belarus):
    page = soup(client.get(statement.get_absolute_url()))

    countries = page.find("dt", string="Countries").find_next_sibling("dd")
    assert links(countries) == [("Belarus", "/statements/?country=BY")]
    data = json_ld(page)[0]
    assert data["spatialCoverage"] == [
        {
            "@type": "Country",
            "name": "Belarus",
            "identifier": "BY",
            "url": belarus.get_full_url(),
        }
    ]
