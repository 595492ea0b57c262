"""The site search's "Statements" box, which the quote desk adds through the
``site_search_extras`` hook."""

import pytest

from advocacy.statements.factories import StatementFactory
from tests.html import links, select, texts

pytestmark = pytest.mark.django_db


def statements_box(client, query):
    found = select(
        client.get("/search/", {"q": query}), 'section[aria-labelledby="statement-results"]'
    )
    return found[0] if found else None


def test_search_shows_matching_published_statements_with_a_link_to_cite_them(client, home):
    statement = StatementFactory(text="Pride marches are forbidden or attacked")
    StatementFactory(text="Pride marches drafted but not published", live=False)
    StatementFactory(text="Something else entirely")

    box = statements_box(client, "pride marches")

    assert texts(box, "blockquote") == ["“Pride marches are forbidden or attacked”"]
    assert ("Cite this statement", statement.get_absolute_url()) in links(box)
    assert ("More on the quote desk", "/statements/?q=pride%20marches") in links(box)


def test_no_box_when_no_statement_matches(client, home):
    StatementFactory(text="Something else entirely")
    assert statements_box(client, "pride") is None
