import importlib
import json

import pytest

from django.apps import apps

from advocacy.statements.models import Statement
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportChapterPage

pytestmark = pytest.mark.django_db
migration = importlib.import_module("reports.migrations.0004_pull_quotes_become_statements")


def test_typed_pull_quotes_become_statements_in_pages_and_revisions(home):
    report = ReportPageFactory(parent=home, slug="less-equal")
    chapter = ReportChapterPageFactory(parent=report, slug="old", body=[])
    old_style = [
        {
            "type": "pull_quote",
            "id": "a",
            "value": {
                "text": "Old words",
                "attribution": "Denis Krivosheev, Deputy Director at Amnesty International",
            },
        },
        {
            "type": "pull_quote",
            "id": "b",
            "value": {
                "text": "Old words",
                "attribution": "Denis Krivosheev, Deputy Director at Amnesty International",
            },
        },
    ]
    ReportChapterPage.objects.filter(pk=chapter.pk).update(body=json.dumps(old_style))
    revision = chapter.save_revision()
    revision.content["body"] = json.dumps(old_style)
    revision.save()

    migration.forwards(apps, None)

    statement = Statement.objects.get(text="Old words")
    assert statement.speaker.name == "Denis Krivosheev"
    assert statement.speaker_role == "Deputy Director"
    assert statement.speaker_organisation == "Amnesty International"
    chapter.refresh_from_db()
    assert [block.value for block in chapter.body] == [statement, statement]
    revision.refresh_from_db()
    assert [b["value"] for b in json.loads(revision.content["body"])] == [
        statement.pk,
        statement.pk,
    ]
