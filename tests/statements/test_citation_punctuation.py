"""The citation runs the quoted words into “said …” the way a newsroom prints them."""

import pytest

from advocacy.statements.factories import AnonymousStatementFactory


@pytest.mark.parametrize(
    ("stored", "cited"),
    [
        ("the personal risks were too great.", "“the personal risks were too great,” said"),
        ("no one wants to be associated with us", "“no one wants to be associated with us,” said"),
        ("Why us?", "“Why us?” said"),
        ("Stop this!", "“Stop this!” said"),
        ("and then…", "“and then…” said"),
        ("and then...", "“and then...” said"),
        ("as follows:", "“as follows,” said"),
        ("already a comma,", "“already a comma,” said"),
    ],
)
def test_citation_punctuation_before_the_attribution(db, stored, cited):
    statement = AnonymousStatementFactory(text=stored)

    citation = statement.citation("https://example.org/s/1/")

    assert citation.startswith(f"{cited} a prominent LGBTI activist in Belarus, on ")
    statement.refresh_from_db()
    assert statement.text == stored  # the stored words are never rewritten
