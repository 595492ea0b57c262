"""The statements as a spreadsheet (CSV): one writer for the quote desk's download
(/statements/statements.csv) and for the press kit, so both give the same columns."""

import csv

from advocacy.core.countries import active_locale
from advocacy.core.public_url import public_url
from advocacy.core.textsafety import spreadsheet_safe
from advocacy.core.translation import localized
from advocacy.core.visibility import visible_page_ids
from advocacy.people.models import LANGUAGE_CHOICES

from .models import Statement

# The most rows one spreadsheet carries.
CSV_LIMIT = 5000

# The first ten columns are as they always were (scripts read them by position); the ones
# after were added for journalists' spreadsheets.
COLUMNS = [
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
    "language_name",
    "source",
    "source_url",
    "context",
    "translated_from",
    "original_permalink",
]


def public_statements(locale=None):
    """Every published statement a reader in ``locale`` (the active one by default) sees, with
    what a row prints, in the desk's order: its version in that language where there is one,
    else the original (advocacy.core.translation.localized)."""
    return localized(Statement.objects.published(), locale or active_locale()).with_relations()


def write_statements_csv(out, statements, *, request=None):
    """Write ``statements`` (published ones only: the caller filters) to the text file
    ``out`` as CSV: UTF-8 byte-order mark first, so that Excel reads Cyrillic and Armenian
    words correctly; every cell formula-safe. Addresses are absolute, on the site's public
    address (PUBLIC_URL). Returns the number of rows written."""
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = Statement.load_public_countries(statements[:CSV_LIMIT])
    public_sources = visible_page_ids(s.source_page_id for s in rows)
    source_urls = {}
    languages = dict(LANGUAGE_CHOICES)

    for statement in rows:
        source, source_url = statement.source_description, ""
        if statement.source_page_id in public_sources:
            page = statement.source_page
            source = page.title
            if page.pk not in source_urls:
                source_urls[page.pk] = page.get_full_url(request) or ""
            source_url = source_urls[page.pk]
        writer.writerow(
            spreadsheet_safe(cell)
            for cell in (
                statement.text,
                statement.speaker_name,
                statement.speaker_role,
                statement.speaker_organisation,
                statement.anonymous_source,
                statement.date_said.isoformat() if statement.date_said else statement.date_label,
                statement.language,
                " ".join(statement.country_codes),
                " ".join(statement.topic_slugs),
                public_url(statement.get_absolute_url()),
                # "Not stated in the source" when the source does not say (issue 17).
                str(languages.get(statement.language, statement.language_label)),
                source,
                source_url,
                statement.context_note,
                statement.translated_from or "",
                public_url(statement.original_permalink) if statement.is_translation else "",
            )
        )
    return len(rows)
