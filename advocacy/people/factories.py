"""Factories for people."""

import factory
import wagtail_factories

from .models import Person, PressKitImage, PressPage


class PersonFactory(factory.django.DjangoModelFactory):
    name = "Denis Krivosheev"
    role = "Deputy Director for Europe and Central Asia"
    organisation = "Amnesty International"
    is_spokesperson = True

    class Meta:
        model = Person
        django_get_or_create = ["name"]


class PressPageFactory(wagtail_factories.PageFactory):
    """The press page (give it ``parent``: the home page)."""

    title = "Press"
    slug = "press"
    intro = "<p>For journalists covering the report.</p>"

    class Meta:
        model = PressPage


class PressKitImageFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PressPageFactory)
    image = factory.SubFactory(wagtail_factories.ImageFactory)
    caption = "Activists at a vigil in Yerevan"
    credit = "© Photographer / Amnesty International"
    licence = "Editorial use with credit only"

    class Meta:
        model = PressKitImage
