"""Factories for the site-wide page types, used by tests and benchmarks."""

import factory
import wagtail_factories

from .models import FeaturedItem, HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page; give it ``parent`` (usually the tree's root)."""

    title = "Less equal"
    hero_heading = "Less equal"
    hero_text = "LGBTI human rights defenders face a worrying rise in hostility."
    intro = "<p>An introduction.</p>"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    """A plain page with a short body."""

    title = factory.Sequence(lambda n: f"Standard page {n}")
    standfirst = "A short summary."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Some text.</p>")])

    class Meta:
        model = StandardPage


class FeaturedItemFactory(factory.django.DjangoModelFactory):
    """A page featured on the home page."""

    home = factory.SubFactory(HomePageFactory)
    page = factory.SubFactory(StandardPageFactory)

    class Meta:
        model = FeaturedItem
