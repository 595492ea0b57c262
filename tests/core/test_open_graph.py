"""Shared links look the same for every kind of page: pages and statement permalinks go
through one Open Graph template (components/meta.html)."""

import pytest
from wagtail_factories import ImageFactory

from advocacy.core.models import SiteSettings
from advocacy.statements.factories import StatementFactory
from tests.html import hrefs, select

pytestmark = pytest.mark.django_db

OPEN_GRAPH = [
    "og:type",
    "og:title",
    "og:site_name",
    "og:url",
    "og:description",
    "og:image",
    "og:image:type",
    "og:image:width",
    "og:image:height",
    "og:image:alt",
]
TWITTER = ["twitter:card", "twitter:title", "twitter:description", "twitter:image"]


def head_tags(response):
    """{property or name: [content, ...]} of the <meta> tags, and the canonical link."""
    tags = {}
    for meta in select(response, "head meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            tags.setdefault(key, []).append(meta["content"])
    return tags, hrefs(response, 'head link[rel~="canonical"]')


@pytest.fixture
def organisation(site):
    settings = SiteSettings.for_site(site)
    settings.organisation_name = "Amnesty International"
    settings.save()


def test_a_page_shared_shows_its_title_address_and_image(client, home, organisation):
    home.hero_image = ImageFactory(title="Activists at a vigil")
    home.seo_title = "Less equal"
    home.search_description = "LGBTI human rights defenders face rising hostility."
    home.save_revision().publish()

    tags, canonical = head_tags(client.get("/"))

    for key in OPEN_GRAPH + TWITTER:
        assert len(tags.get(key, [])) == 1, key
    assert tags["og:title"] == ["Less equal"]
    assert tags["og:url"] == canonical == ["http://localhost/"]
    assert tags["og:site_name"] == ["Amnesty International"]
    assert tags["og:description"] == ["LGBTI human rights defenders face rising hostility."]
    assert tags["og:image"][0].startswith("http://localhost/")
    assert tags["og:image:alt"] == ["Activists at a vigil"]
    assert tags["twitter:card"] == ["summary_large_image"]


def test_a_statement_shared_shows_its_speaker_words_address_and_card(
    client, quote_desk, organisation
):
    statement = StatementFactory(text="LGBTI groups must be able to work in safety")
    permalink = f"http://localhost{statement.get_absolute_url()}"

    tags, canonical = head_tags(client.get(statement.get_absolute_url()))

    for key in OPEN_GRAPH + TWITTER:
        assert len(tags.get(key, [])) == 1, key
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == [statement.attribution]
    assert tags["og:url"] == canonical == [permalink]
    assert tags["og:site_name"] == ["Amnesty International"]
    assert tags["og:description"] == ["“LGBTI groups must be able to work in safety”"]
    # Until the quote card is drawn, the site's default card.
    assert tags["og:image"] == ["http://localhost/static/img/og-default.png"]
    assert tags["og:image:type"] == ["image/png"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["description"] == [statement.citation(permalink)]


def test_a_page_without_an_image_gets_the_small_card(client, home, organisation):
    tags, _canonical = head_tags(client.get("/"))

    assert "og:image" not in tags
    assert tags["twitter:card"] == ["summary"]
    assert tags["og:title"] and tags["og:url"]
