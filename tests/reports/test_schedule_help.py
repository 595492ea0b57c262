"""Help texts about scheduling name what Wagtail 8's admin really shows.

Until issue 11 the press release said: set “Go-live date” in the page's settings. There is
no Settings tab: the schedule is set from the Status side panel's “Set schedule” button, in
a dialog whose field is “Go live date/time”, and takes effect with “Schedule to publish”.
"""

import re

import pytest
from bs4 import BeautifulSoup

from django.apps import apps
from django.urls import reverse

from advocacy.actions.factories import CallToActionFactory
from reports.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db

ABOUT_SCHEDULING = re.compile(r"schedul|embargo|go[ -]live", re.IGNORECASE)


def quoted(text):
    return re.findall(r"“([^”]+)”", str(text))


def scheduling_help_texts():
    """(model, field, help text) for every help text that tells editors how to schedule."""
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith(("advocacy.", "countries.", "reports.")):
            continue
        for field in model._meta.get_fields():
            help_text = str(getattr(field, "help_text", "") or "")
            if ABOUT_SCHEDULING.search(help_text):
                found.append((model, field.name, help_text))
    return found


def admin_ui_words(html):
    """Everything the edit view shows, the schedule dialog (kept in a <template> until the
    admin's script moves it into the form) included."""
    page = BeautifulSoup(html, "html.parser")
    texts = [page.get_text(" ")]
    for template in page.select("template"):
        texts.append(BeautifulSoup(template.decode_contents(), "html.parser").get_text(" "))
    return " ".join(" ".join(texts).split()), page


@pytest.fixture
def edit_views(admin_client, press_index):
    """{model: the admin edit view's HTML} for a press release and a call to action."""
    release = PressReleasePageFactory(parent=press_index)
    action = CallToActionFactory()
    return {
        type(release): admin_client.get(
            reverse("wagtailadmin_pages:edit", args=[release.pk])
        ).content,
        type(action): admin_client.get(
            reverse(action.snippet_viewset.get_url_name("edit"), args=[action.pk])
        ).content,
    }


def test_some_help_texts_explain_scheduling():
    models = {model.__name__ for model, _field, _text in scheduling_help_texts()}
    assert {"PressReleasePage", "CallToAction"} <= models


def test_every_scheduling_help_text_quotes_labels_the_admin_shows(edit_views):
    for model, field, help_text in scheduling_help_texts():
        words, _page = admin_ui_words(edit_views[model])
        assert "settings" not in help_text.lower(), (model, field)
        assert quoted(help_text), (model, field, "names no button or field")
        for label in quoted(help_text):
            if label.startswith("opens on"):  # the public page's wording, not the admin's
                continue
            assert label in words, (model, field, label)


def test_the_press_release_form_shows_the_embargo_help_beside_a_set_schedule_button(
    edit_views,
):
    words, page = admin_ui_words(
        next(v for m, v in edit_views.items() if m.__name__ == "PressReleasePage")
    )

    tabs = [tab.get_text(strip=True) for tab in page.select("[role=tab]")]
    assert "Settings" not in tabs
    status_panel = page.select_one("[data-side-panel='status']")
    assert status_panel.find("button", string=lambda s: s and s.strip() == "Set schedule")
    help_text = page.find(string=re.compile("To embargo it"))
    assert "“Set schedule”" in help_text
    assert "“Go live date/time”" in help_text
    assert "Go live date/time" in words and "Schedule to publish" in words
