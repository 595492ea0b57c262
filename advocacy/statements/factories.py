"""Factories for statements: published by default (``live=False`` for a draft)."""

import datetime

import factory
import wagtail_factories

from advocacy.people.factories import PersonFactory

from .models import QuoteDeskPage, Statement, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic


class StatementFactory(factory.django.DjangoModelFactory):
    """A statement by a named speaker, published with a revision."""

    text = factory.Sequence(lambda n: f"LGBTI activists deserve equal protection, number {n}")
    language = "en"
    speaker = factory.SubFactory(PersonFactory)
    date_said = datetime.date(2026, 11, 25)

    class Meta:
        model = Statement

    @classmethod
    def _create(cls, model_class, *args, live=True, **kwargs):
        statement = model_class(*args, **kwargs)
        statement.full_clean()
        statement.live = False
        statement.save()
        if live:
            statement.save_revision().publish()
            statement.refresh_from_db()
        else:
            statement.save_revision()
        return statement


class AnonymousStatementFactory(StatementFactory):
    speaker = None
    anonymous_source = "a prominent LGBTI activist in Belarus"
    text = "the personal risks were too great."


class QuoteDeskPageFactory(wagtail_factories.PageFactory):
    """The quote desk page at /statements/; give it ``parent`` (the home page)."""

    title = "Quote desk"
    slug = "statements"
    show_in_menus = True
    intro = "<p>Every published statement and testimony, newest first.</p>"

    class Meta:
        model = QuoteDeskPage
