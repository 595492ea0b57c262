"""Factories for the report's page types, used by tests and benchmarks."""

import factory
import wagtail_factories

from wagtail.rich_text import RichText

from .models import (
    KeyFinding,
    PressReleaseIndexPage,
    PressReleasePage,
    Recommendation,
    ReportChapterPage,
    ReportPage,
)


def story_body(paragraphs=2):
    """A StoryBlock body: a heading and a few paragraphs of plain prose."""
    body = [("heading", {"text": "Crackdown on LGBTI rights", "level": "h2", "anchor": ""})]
    body += [
        ("paragraph", RichText(f"<p>Paragraph {n} about LGBTI human rights defenders.</p>"))
        for n in range(1, paragraphs + 1)
    ]
    return body


class ReportPageFactory(wagtail_factories.PageFactory):
    """A report landing page (give it ``parent``: the home page)."""

    title = "Less equal"
    subtitle = "LGBTI human rights defenders in Armenia, Belarus, Kazakhstan and Kyrgyzstan"
    summary = "<p>What the report found.</p>"

    class Meta:
        model = ReportPage


class KeyFindingFactory(factory.django.DjangoModelFactory):
    report = factory.SubFactory(ReportPageFactory)
    text = factory.Sequence(lambda n: f"Finding number {n}.")

    class Meta:
        model = KeyFinding


class RecommendationFactory(factory.django.DjangoModelFactory):
    report = factory.SubFactory(ReportPageFactory)
    text = "Let LGBTI groups work in safety."

    class Meta:
        model = Recommendation


class ReportChapterPageFactory(wagtail_factories.PageFactory):
    """A chapter (give it ``parent``: its report)."""

    title = factory.Sequence(lambda n: f"Chapter title {n}")
    standfirst = "What this chapter covers."
    body = factory.LazyFunction(story_body)

    class Meta:
        model = ReportChapterPage


class PressReleaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Press releases"
    slug = "press-releases"

    class Meta:
        model = PressReleaseIndexPage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    """A press release (give it ``parent``: the press release index)."""

    title = factory.Sequence(lambda n: f"Press release {n}")
    standfirst = "The opening paragraph."
    body = factory.LazyFunction(story_body)

    class Meta:
        model = PressReleasePage
