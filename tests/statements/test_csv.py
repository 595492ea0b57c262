"""The CSV a journalist opens in a spreadsheet: Excel's encoding, and where each quote is from."""

import csv
import io

from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory


def read_csv(response):
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark for Excel"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_has_a_bom_and_the_source_context_language_and_permalink(client, release, krivosheev):
    StatementFactory(
        text="Государства должны защищать ЛГБТИ-активистов",
        language="ru",
        speaker=krivosheev,
        source_page=release,
        context_note="On the launch of the report.",
    )
    AnonymousStatementFactory(source_description="A meeting in Minsk")

    rows = read_csv(client.get("/statements/statements.csv"))

    by_text = {row["text"]: row for row in rows}
    named = by_text["Государства должны защищать ЛГБТИ-активистов"]
    assert named["source"] == "Launch release"
    assert named["source_url"] == release.get_full_url()  # the site's own address for it
    assert named["source_url"].endswith("/press-releases/launch/")
    assert named["context"] == "On the launch of the report."
    assert named["language"] == "ru"
    assert named["language_name"] == "Russian"
    assert named["permalink"].startswith("http://localhost/statements/")
    anonymous = by_text["the personal risks were too great."]
    assert anonymous["source"] == "A meeting in Minsk"
    assert anonymous["source_url"] == ""
    assert anonymous["context"] == ""
    # The columns scripts already read by position are still first, in their order.
    header = next(
        csv.reader(
            io.StringIO(client.get("/statements/statements.csv").content.decode("utf-8-sig"))
        )
    )
    assert header[:10] == [
        "text",
        "speaker",
        "role",
        "organisation",
        "anonymous_source",
        "date",
        "language",
        "countries",
        "topics",
        "permalink",
    ]


def test_csv_names_no_source_page_the_public_cannot_open(client, release, krivosheev):
    StatementFactory(speaker=krivosheev, source_page=release, text="Words from a draft page")
    release.unpublish()

    (row,) = read_csv(client.get("/statements/statements.csv"))

    assert row["source"] == ""
    assert row["source_url"] == ""
