import datetime

import pytest

from django.core.files.storage import default_storage, storages

from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory, TopicFactory
from countries.factories import CountryIndexPageFactory, CountryPageFactory


@pytest.fixture(autouse=True)
def empty_card_storage():
    """Cards live in an in-memory storage that outlives each test's rollback (and ids are
    reused after it): start every test with none."""
    for storage in (storages["quote_cards"], default_storage):
        try:
            statement_pks, _files = storage.listdir("quote-cards")
        except FileNotFoundError:
            continue
        for statement_pk in statement_pks:
            for name in storage.listdir(f"quote-cards/{statement_pk}")[1]:
                storage.delete(f"quote-cards/{statement_pk}/{name}")


@pytest.fixture(autouse=True)
def desk_page(quote_desk):
    """Every test here reaches statements through the quote desk page (/statements/)."""
    return quote_desk


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a statement's new revision as the admin does: the transaction commits and
    the background task (run at once in tests) draws its cards."""

    def publish(statement):
        with django_capture_on_commit_callbacks(execute=True):
            statement.save_revision().publish()
        statement.refresh_from_db()
        return statement

    return publish


@pytest.fixture
def krivosheev(db):
    return PersonFactory()


@pytest.fixture
def belarus(home):
    index = CountryIndexPageFactory(parent=home)
    return CountryPageFactory(parent=index, title="Belarus", iso_code="BY")


@pytest.fixture
def statement(home, krivosheev, belarus, publish):
    topic = TopicFactory(name="Safety", slug="safety")
    s = StatementFactory(
        speaker=krivosheev,
        text="State authorities must ensure that LGBTI groups can work in safety",
        date_said=datetime.date(2026, 11, 25),
    )
    s.countries = ["BY"]
    s.topics.set([topic])
    return publish(s)


@pytest.fixture
def testimony(home, belarus):
    s = AnonymousStatementFactory(countries=["BY"])
    s.save_revision().publish()
    return s


@pytest.fixture
def release(home):
    from reports.factories import PressReleaseIndexPageFactory, PressReleasePageFactory

    index = PressReleaseIndexPageFactory(parent=home)
    return PressReleasePageFactory(parent=index, title="Launch release", slug="launch")
