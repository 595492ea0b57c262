"""The statements Atom feed sends the words as plain text, escaped (issue 9, item 12)."""

import xml.etree.ElementTree as ET

import pytest

from advocacy.statements.factories import StatementFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
WORDS = 'They wrote <script>alert("x")</script> & <img src=x onerror=alert(1)> on our door'


def test_statement_words_are_plain_text_in_the_feed(client, home):
    StatementFactory(text=WORDS)
    response = client.get("/statements/feed/")
    assert response.status_code == 200
    body = response.content.decode()  # raw: how the words are escaped is what is tested
    assert 'type="html"' not in body
    assert "<script>" not in body
    assert "<img" not in body
    assert "&lt;script&gt;" in body
    summary = ET.fromstring(response.content).find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == f"“{WORDS}”"  # exactly the words, shown as typed


def test_press_release_feed_standfirst_is_plain_text(client, home):
    from reports.factories import PressReleaseIndexPageFactory, PressReleasePageFactory

    index = PressReleaseIndexPageFactory(parent=home)
    PressReleasePageFactory(parent=index, slug="r", standfirst="Fewer <b>rights</b> & more")
    response = client.get(f"{index.url}feed/")
    summary = ET.fromstring(response.content).find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == "Fewer <b>rights</b> & more"
