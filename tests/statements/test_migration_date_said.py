"""0008 lets a statement have no date; going back to the required date of 0007 gives an
undated statement the day it was first published here, and a dated one keeps its date."""

import datetime

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory
from advocacy.statements.models import Statement

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("statements", "0007_quote_desk_page")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.fixture
def latest_afterwards():
    yield
    migrate()


def test_undated_statements_survive_a_migration_back_and_forth(latest_afterwards):
    undated = AnonymousStatementFactory(date_said=None)
    dated = StatementFactory(date_said=datetime.date(2016, 8, 1))

    migrate(BEFORE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, date_said FROM statements_statement ORDER BY id")
        rows = dict(cursor.fetchall())
    migrate()

    assert str(rows[undated.pk])[:10] == timezone.localdate(undated.first_published_at).isoformat()
    assert str(rows[dated.pk])[:10] == "2016-08-01"
    assert Statement.objects.get(pk=dated.pk).date_said == datetime.date(2016, 8, 1)
