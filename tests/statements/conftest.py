import datetime

import pytest

from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory, TopicFactory
from countries.factories import CountryIndexPageFactory, CountryPageFactory


@pytest.fixture
def krivosheev(db):
    return PersonFactory()


@pytest.fixture
def belarus(home):
    index = CountryIndexPageFactory(parent=home)
    return CountryPageFactory(parent=index, title="Belarus", iso_code="BY")


@pytest.fixture
def statement(home, krivosheev, belarus):
    topic = TopicFactory(name="Safety", slug="safety")
    s = StatementFactory(
        speaker=krivosheev,
        text="State authorities must ensure that LGBTI groups can work in safety",
        date_said=datetime.date(2026, 11, 25),
    )
    s.countries.set([belarus])
    s.topics.set([topic])
    s.save_revision().publish()
    return s


@pytest.fixture
def testimony(home, belarus):
    s = AnonymousStatementFactory()
    s.countries.set([belarus])
    s.save_revision().publish()
    return s


@pytest.fixture
def release(home):
    from reports.factories import PressReleaseIndexPageFactory, PressReleasePageFactory

    index = PressReleaseIndexPageFactory(parent=home)
    return PressReleasePageFactory(parent=index, title="Launch release", slug="launch")
