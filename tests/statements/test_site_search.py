"""The site search's "Statements" box, which the quote desk adds through the
``site_search_extras`` hook."""

import pytest
from bs4 import BeautifulSoup

from advocacy.statements.factories import StatementFactory

pytestmark = pytest.mark.django_db


def statements_box(client, query):
    soup = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return soup.find("section", attrs={"aria-labelledby": "statement-results"})


def test_search_shows_matching_published_statements_with_a_link_to_cite_them(client, home):
    statement = StatementFactory(text="Pride marches are forbidden or attacked")
    StatementFactory(text="Pride marches drafted but not published", live=False)
    StatementFactory(text="Something else entirely")

    box = statements_box(client, "pride marches")

    quotes = [q.get_text(" ", strip=True) for q in box.find_all("blockquote")]
    assert quotes == ["“Pride marches are forbidden or attacked”"]
    assert box.find("a", string="Cite this statement")["href"] == statement.get_absolute_url()
    assert box.find("a", string="More on the quote desk")["href"] == (
        "/statements/?q=pride%20marches"
    )


def test_no_box_when_no_statement_matches(client, home):
    StatementFactory(text="Something else entirely")
    assert statements_box(client, "pride") is None
