"""The statement form: countries and topics as checkboxes (the covered countries first, the
rest folded away), and the site's and the region's languages first."""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import StatementFactory, TopicFactory
from advocacy.statements.models import Statement
from countries.factories import CountryIndexPageFactory, CountryPageFactory

pytestmark = pytest.mark.django_db

VIEWSET = "wagtailsnippets_statements_statement"


@pytest.fixture
def covered(home):
    """Country pages for Belarus and Armenia, and a draft one for Kazakhstan."""
    index = CountryIndexPageFactory(parent=home)
    CountryPageFactory(parent=index, title="Belarus", slug="belarus", iso_code="BY")
    CountryPageFactory(parent=index, title="Armenia", slug="armenia", iso_code="AM")
    CountryPageFactory(
        parent=index, title="Kazakhstan", slug="kazakhstan", iso_code="KZ", live=False
    )


def form_of(response):
    return BeautifulSoup(response.content, "html.parser").select_one("form[data-edit-form]")


def checkbox_labels(element):
    return [
        " ".join(label.get_text(" ").split())
        for label in element.find_all("label", recursive=True)
        if label.select_one("input[type=checkbox]")
    ]


def test_countries_are_checkboxes_covered_first_the_rest_folded(admin_client, covered):
    form = form_of(admin_client.get(reverse(f"{VIEWSET}:add")))

    countries = form.select_one("#id_countries")
    assert form.select_one("select[name=countries]") is None
    folded = countries.select_one("details")
    shown = [c for c in countries.children if getattr(c, "name", None) == "div"]
    assert [checkbox_labels(div)[0] for div in shown] == ["Armenia", "Belarus"]
    assert folded.summary.get_text(strip=True) == "Other countries"
    others = checkbox_labels(folded)
    assert "Kazakhstan" in others and "France" in others
    assert "Belarus" not in others
    assert not folded.has_attr("open")


def test_a_country_already_chosen_is_shown_ticked_even_if_not_covered(admin_client, covered):
    statement = StatementFactory()
    statement.countries = ["FR", "BY"]
    statement.save()

    form = form_of(admin_client.get(reverse(f"{VIEWSET}:edit", args=[statement.pk])))

    countries = form.select_one("#id_countries")
    shown = [c for c in countries.children if getattr(c, "name", None) == "div"]
    assert [checkbox_labels(div)[0] for div in shown] == ["Armenia", "Belarus", "France"]
    ticked = [i["value"] for i in countries.select("input[type=checkbox][checked]")]
    assert sorted(ticked) == ["BY", "FR"]
    # Each box has its own id, and its label names it.
    boxes = countries.select("input[type=checkbox]")
    assert len({box["id"] for box in boxes}) == len(boxes) > 200
    assert all(box.find_parent("label")["for"] == box["id"] for box in boxes)


def test_without_country_pages_every_country_is_offered_open(admin_client, home):
    form = form_of(admin_client.get(reverse(f"{VIEWSET}:add")))

    folded = form.select_one("#id_countries details")
    assert folded.has_attr("open")
    assert folded.summary.get_text(strip=True) == "All countries"


def test_topics_are_checkboxes(admin_client, home):
    TopicFactory(name="Safety", slug="safety")
    TopicFactory(name="Freedom of assembly", slug="assembly")

    form = form_of(admin_client.get(reverse(f"{VIEWSET}:add")))

    assert form.select_one("select[name=topics]") is None
    topics = form.select("input[type=checkbox][name=topics]")
    labels = [" ".join(i.find_parent("label").get_text(" ").split()) for i in topics]
    assert labels == ["Freedom of assembly", "Safety"]


def test_the_language_list_starts_with_the_site_and_the_regions_languages(admin_client, home):
    form = form_of(admin_client.get(reverse(f"{VIEWSET}:add")))

    options = form.select("select[name=language] option")
    # First "not stated" (the default: the source may not say), then the site's languages.
    assert (options[0]["value"], options[0].get_text()) == ("", "Not stated in the source")
    codes = [o["value"] for o in options if o["value"]]
    assert codes[:6] == ["en", "ru", "hy", "be", "kk", "ky"]
    rest = [o.get_text() for o in options][7:]
    assert rest == sorted(rest) and len(rest) > 80


def test_an_editor_creates_a_statement_ticking_countries_and_topics(admin_client, covered):
    safety = TopicFactory(name="Safety", slug="safety")
    speaker = PersonFactory()

    data = nested_form_data(
        {
            "text": "We will not be silenced",
            "language": "hy",
            "speaker": speaker.pk,
            "date_said": "2026-11-25",
        }
    )
    # Ticked checkboxes: one value each under the field's name.
    data.update({"countries": ["AM", "FR"], "topics": [safety.pk]})
    response = admin_client.post(reverse(f"{VIEWSET}:add"), data)

    assert response.status_code == 302
    statement = Statement.objects.get(
        text="We will not be silenced"
    ).get_latest_revision_as_object()
    assert statement.language == "hy"
    assert sorted(str(c) for c in statement.countries) == ["AM", "FR"]
    assert list(statement.topics.all()) == [safety]


def test_an_editor_unticks_a_country_in_the_edit_view(admin_client, covered):
    statement = StatementFactory()
    statement.countries = ["AM", "BY"]
    statement.save()
    url = reverse(f"{VIEWSET}:edit", args=[statement.pk])

    data = querydict_from_html(str(form_of(admin_client.get(url))))
    data.setlist("countries", ["BY"])
    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors
    statement.refresh_from_db()
    draft = statement.get_latest_revision_as_object()
    assert [str(c) for c in draft.countries] == ["BY"]
