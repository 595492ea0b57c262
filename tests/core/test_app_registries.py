"""Core learns about the apps above it only through what they declare or register."""

import pytest

from django.core.management import call_command

from wagtail import hooks

from advocacy.core.models import HomePage, StandardPage
from advocacy.core.search import searchable_models
from countries.models import CountryPage
from reports.models import PressReleasePage, ReportChapterPage, ReportPage


def test_site_search_covers_the_page_types_that_ask_for_it():
    assert set(searchable_models()) == {
        ReportPage,
        ReportChapterPage,
        PressReleasePage,
        CountryPage,
    }
    assert not {HomePage, StandardPage} & set(searchable_models())


@pytest.mark.django_db
def test_a_registered_demo_step_runs_in_order_and_its_offers_reach_the_home_page(client):
    seen = []

    def late_step(demo):
        """Runs after every app's step: sees their pages, and features one of its own."""
        seen.append(sorted(page.slug for page in demo.home.get_children()))
        demo.offer_featured(150, StandardPage.objects.get(slug="about"), "About this site.")

    with hooks.register_temporarily("build_demo_content", late_step, order=10_000):
        call_command("load_demo_content", verbosity=0)

    assert seen == [
        [
            "about",
            "act",
            "countries",
            "less-equal",
            "press",
            "press-releases",
            "privacy",
            "statements",
        ]
    ]
    home = HomePage.objects.get(locale__language_code="en")
    assert [item.page.slug for item in home.featured_items.all()] == [
        "less-equal",
        "about",
        "countries",
        "former-soviet-states-entrenching-homophobia",
    ]
    assert [page.slug for page in home.get_children().order_by("path")] == [
        "less-equal",
        "countries",
        "statements",
        "press-releases",
        "press",
        "act",
        "about",
        "privacy",  # not placed in the menu (it is in the footer): after the pages that are
    ]
