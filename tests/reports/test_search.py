import pytest

from django.core.management import call_command

from tests.html import hrefs, select, text, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_content", verbosity=0)


@pytest.mark.parametrize(
    ("query", "expected_title"),
    [
        ("Krivosheev", "A worrying rise in hostility"),
        ("Krivosheev", "Former Soviet states entrenching homophobia"),
        ("propaganda", "Crackdown on LGBTI rights"),
    ],
)
def test_search_finds_the_seed_content_with_highlighted_snippets(
    client, demo, query, expected_title
):
    response = client.get("/search/", {"q": query})

    html = response.content.decode()
    assert response.status_code == 200
    assert expected_title in html
    assert {query, query.capitalize()} & set(texts(html, "mark"))
    assert "Report chapter" in html  # each result says what kind of page it is


def test_search_results_paginate(client, home):
    from reports.factories import PressReleaseIndexPageFactory, PressReleasePageFactory

    index = PressReleaseIndexPageFactory(parent=home)
    for n in range(12):
        PressReleasePageFactory(parent=index, title=f"Belarus update {n}")
    call_command("update_index", verbosity=0)

    first = client.get("/search/", {"q": "Belarus"}).content.decode()
    second = client.get("/search/", {"q": "Belarus", "page": 2}).content.decode()

    assert "12 results" in first
    assert "Page 1 of 2" in first
    assert "?q=Belarus&page=2" in hrefs(first)
    assert len(select(second, ".search-results__item")) == 2


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 100_000},
        {"q": "propaganda " * 5_000},
        {"q": '"unbalanced quote'},
        {"q": "AND OR NOT ( ) : * ' \" \\"},
        {"q": "<script>alert(1)</script>"},
        {"q": "\x00\u202enul and rtl"},
        {"q": "propaganda", "page": "abc"},
        {"q": "propaganda", "page": "99999"},
        {"q": "propaganda", "page": "-5"},
    ],
)
def test_junk_queries_get_a_normal_page(client, demo, params):
    response = client.get("/search/", params)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "\x00" not in html


def test_search_query_is_echoed_escaped_and_truncated(client, demo):
    html = client.get(
        "/search/", {"q": '"><img src=x onerror=alert(1)>' + "y" * 500}
    ).content.decode()
    assert "<img src=x" not in html
    assert '"><img src=x onerror=alert(1)>' in text(html, "[role=status]")
    assert "y" * 201 not in html


def test_postgresql_full_text_search_stems_words(client, demo):
    from django.db import connection

    from wagtail.search.backends import get_search_backend

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search; CI runs the suite on PostgreSQL")

    from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

    # Wagtail's PostgreSQL backend (each language with its own text-search configuration).
    assert isinstance(get_search_backend(), PostgresSearchBackend)
    # "laws" in the chapter is found by "law": English stemming, not substring matching.
    html = client.get("/search/", {"q": "law"}).content.decode()
    assert "Crackdown on LGBTI rights" in html
