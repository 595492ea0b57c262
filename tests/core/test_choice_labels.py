"""Labels of long choice lists (languages, countries) read in the reader's language, and a
testimony's country reads back as the code the editor chose."""

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from advocacy.core import blocks
from advocacy.core.countries import country_choices
from advocacy.statements.factories import StatementFactory


@pytest.mark.django_db
def test_a_statements_language_label_follows_the_active_language():
    statement = StatementFactory(language="ru")
    assert statement.get_language_display() == "Russian"
    with translation.override("ru"):
        assert statement.get_language_display() == "Русский"
    assert statement.get_language_display() == "Russian"
    statement.language = ""
    assert statement.get_language_display() == "Not stated in the source"


def test_country_choices_are_named_and_sorted_in_the_active_language():
    english = dict(country_choices())
    assert english["AM"] == "Armenia"
    with translation.override("ru"):
        russian = country_choices()
    assert dict(russian)["AM"] == "Армения"
    names = [str(name) for _code, name in russian]
    assert names.index("Армения") < names.index("Беларусь") < names.index("Киргизия")
    # A caller may change its list without changing the next caller's.
    russian.clear()
    with translation.override("ru"):
        assert dict(country_choices())["KG"] == "Киргизия"


def test_a_testimonys_country_reads_back_as_chosen_and_unknown_codes_are_refused():
    block = blocks.TestimonyBlock()
    value = block.to_python({"words": "The personal risks were too great.", "country": "KG"})
    assert value["country"] == "KG"
    assert block.to_python({"words": "Words.", "country": ""})["country"] == ""
    with pytest.raises(ValidationError, match="valid choice"):
        block.child_blocks["country"].clean("XX")
