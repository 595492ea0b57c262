"""A fact's validation message quotes its topic once, whatever quotation marks the topic's
own label carries (until issue 11: ``For ““Propaganda” law” choose …``)."""

import pytest

from django.core.exceptions import ValidationError

from countries.facts import ALLOWED_STATUSES, Status, Topic
from countries.models import CountryFact


def status_error(topic, status):
    fact = CountryFact(topic=topic, status=status)
    with pytest.raises(ValidationError) as refused:
        fact.clean()
    return refused.value.message_dict["status"][0]


def test_the_propaganda_law_message_reads_cleanly():
    message = status_error(Topic.PROPAGANDA_LAW, Status.YES)

    assert message == (
        "For “Propaganda” law, choose one of: None, Attempted, not adopted so far, Adopted,"
        " Mixed / limited, Stated for the region as a whole, Not stated in the source. Say no"
        " more than the source's words: “Mixed / limited” when they qualify it, “Stated for"
        " the region as a whole” when they are about all the countries together."
    )


@pytest.mark.parametrize("topic", list(Topic))
def test_no_message_doubles_a_quotation_mark(topic):
    wrong = next(status for status in Status if status not in ALLOWED_STATUSES[topic])

    message = status_error(topic, wrong)

    assert "““" not in message and "””" not in message
    # The topic's own marks, and the two statuses the explanation names.
    assert message.count("“") == message.count("”") == str(topic.label).count("“") + 2
    assert str(topic.label) in message
