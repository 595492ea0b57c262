"""Factories for people."""

import factory

from .models import Person


class PersonFactory(factory.django.DjangoModelFactory):
    name = "Denis Krivosheev"
    role = "Deputy Director for Europe and Central Asia"
    organisation = "Amnesty International"
    is_spokesperson = True

    class Meta:
        model = Person
        django_get_or_create = ["name"]
