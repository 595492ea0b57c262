import pytest

from django.db import IntegrityError, transaction

from advocacy.people.factories import PersonFactory
from advocacy.people.models import PersonLanguage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "organisation", "line"),
    [
        (
            "Deputy Director for Europe and Central Asia",
            "Amnesty International",
            "Deputy Director for Europe and Central Asia at Amnesty International",
        ),
        ("Former Head of the Helsinki Association", "", "Former Head of the Helsinki Association"),
        ("", "Amnesty International", "Amnesty International"),
        ("", "", ""),
    ],
)
def test_role_line_says_role_at_organisation_or_whichever_is_known(role, organisation, line):
    person = PersonFactory(name="Someone", role=role, organisation=organisation)
    assert person.role_line == line


def test_a_language_is_listed_once_per_person():
    person = PersonFactory()
    PersonLanguage.objects.create(person=person, language="ru")
    other = PersonFactory(name="Someone else")
    PersonLanguage.objects.create(person=other, language="ru")  # another person: fine

    with pytest.raises(IntegrityError), transaction.atomic():
        PersonLanguage.objects.create(person=person, language="ru")

    assert [str(language) for language in person.languages.all()] == ["Russian"]
