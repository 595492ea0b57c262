from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from advocacy.core.pages import BasePage
from advocacy.core.visibility import public_pages
from countries.facts import Topic


class CountryIndexPage(BasePage):
    """The countries at a glance: cards, a comparison table and a combined timeline."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A paragraph introducing the four countries."),
        verbose_name=_("intro"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["countries.CountryPage"]
    max_count_per_parent = 1
    template = "pages/countries/country_index_page.html"

    class Meta:
        verbose_name = _("country index")

    default_description = _(
        "The countries at a glance: each country's situation, a comparison and a timeline."
    )

    @property
    def summary_text(self):
        return self.intro

    def countries(self):
        from .country import CountryPage

        return (
            public_pages(CountryPage.objects.child_of(self))
            .order_by("title")
            .prefetch_related("facts")
        )

    def get_context(self, request, *args, **kwargs):
        from .country import TimelineEvent

        context = super().get_context(request, *args, **kwargs)
        countries = list(self.countries())
        context["countries"] = countries
        context["comparison"] = comparison_rows(countries)
        selected = (request.GET.get("country") or "").upper()[:2]
        by_code = {str(c.iso_code): c for c in countries}
        context["selected_country"] = by_code.get(selected)
        events = TimelineEvent.objects.filter(country__in=countries).select_related("country")
        if context["selected_country"] is not None:
            events = events.filter(country=context["selected_country"])
        context["timeline"] = list(events.order_by("sort_key", "country__title", "pk"))
        return context

    @property
    def search_snippet_text(self):
        return " ".join(strip_tags(self.intro).split())


def comparison_rows(countries):
    """One row per topic, one cell per country: the fact, or None when none is recorded."""
    facts = {(c.pk, f.topic): f for c in countries for f in c.facts.all()}
    return [
        {"topic": topic, "cells": [facts.get((c.pk, topic)) for c in countries]} for topic in Topic
    ]
