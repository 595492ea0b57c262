"""Quote desk entries are compact: words, speaker, date, source and language, one permalink,
and the citation behind a “Cite” <details> that opens without JavaScript."""

from tests.html import links, one, select, text


def test_each_desk_entry_has_one_permalink_and_its_citation_behind_cite(
    client, statement, release, publish
):
    statement.source_page = release
    publish(statement)
    permalink = f"http://localhost{statement.get_absolute_url()}"

    (item,) = select(client.get("/statements/"), ".desk__item")

    assert [href for label, href in links(item) if href.startswith(permalink[:-1])] == [permalink]
    details = one(item, "details.desk__cite")
    assert details.get("open") is None  # closed until asked for
    assert text(details, "summary") == "Cite"
    assert text(details, ".citation__text") == statement.citation(permalink)
    assert one(details, "button.citation__copy")  # the copy button, shown by site.js
    meta = text(item, ".desk__meta")
    for shown in ("Denis Krivosheev", "25 November 2026", release.title, "English", "Belarus"):
        assert shown in meta
