"""Factories for country pages, their facts and timeline events."""

import factory
import wagtail_factories

from .facts import Status, Topic
from .models import CountryFact, CountryIndexPage, CountryPage, TimelineEvent


class CountryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Countries"
    slug = "countries"

    class Meta:
        model = CountryIndexPage


class CountryPageFactory(wagtail_factories.PageFactory):
    """A country page (give it ``parent``: the country index)."""

    title = "Belarus"
    slug = factory.LazyAttribute(lambda o: o.title.lower())
    iso_code = "BY"
    summary = "The situation in this country."

    class Meta:
        model = CountryPage


class CountryFactFactory(factory.django.DjangoModelFactory):
    """A fact; give it ``country`` and ``source`` (a page)."""

    topic = Topic.PROPAGANDA_LAW
    status = Status.ADOPTED
    year = 2016
    note = "A variation of the Russian law."
    source_excerpt = (
        "So far, only Belarus has done so, adopting a variation of the Russian law in 2016."
    )
    last_checked = None

    class Meta:
        model = CountryFact


class TimelineEventFactory(factory.django.DjangoModelFactory):
    year = 2016
    description = "Something happened."

    class Meta:
        model = TimelineEvent
