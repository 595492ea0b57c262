"""Framing: Wagtail's preview panel may frame a draft; nobody may frame a public page.

Wagtail renders a preview by running the public page's view (with the whole middleware
chain) inside the admin request; until issue 11 that inner response kept the public
``frame-ancestors 'none'``, and the browser refused to show it in the preview panel.
"""

import pytest
from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from advocacy.core.factories import StandardPageFactory
from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import StatementFactory


def directives(policy):
    parts = (d.strip().split() for d in policy.split(";") if d.strip())
    return {name: values for name, *values in parts}


def edit_form(admin_client, edit_url):
    """The data of the admin's edit form as the page renders it."""
    page = BeautifulSoup(admin_client.get(edit_url).content, "html.parser")
    return querydict_from_html(str(page.select_one("form[data-edit-form]")))


def preview(admin_client, preview_url, data):
    """Send the form as the preview panel does while an editor types; GET the preview."""
    posted = admin_client.post(preview_url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    return admin_client.get(preview_url, {"in_preview_panel": "true"})


def assert_framable_by_the_admin_only(response):
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    # Otherwise the public page's own strict policy: scripts from the site only, no inline.
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]


@pytest.mark.django_db
def test_public_pages_cannot_be_framed_by_anyone(client, home):
    about = StandardPageFactory(parent=home, slug="about")

    for url in ("/", about.url, "/no-such-page/"):
        response = client.get(url)
        assert directives(response.headers["Content-Security-Policy"])["frame-ancestors"] == [
            "'none'"
        ], url
        assert response.headers["X-Frame-Options"] == "DENY", url


@pytest.mark.django_db
def test_the_preview_panel_may_frame_a_page_draft(admin_client, home):
    about = StandardPageFactory(parent=home, slug="about", standfirst="Published words.")

    # The body's StreamField is built by the admin's JavaScript: given here as it sends it.
    data = nested_form_data(
        {
            "title": about.title,
            "slug": about.slug,
            "standfirst": "Draft words only the preview shows.",
            "body": streamfield([("paragraph", rich_text("<p>Some text.</p>"))]),
        }
    )
    response = preview(
        admin_client, reverse("wagtailadmin_pages:preview_on_edit", args=[about.pk]), data
    )

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Draft words only the preview shows." in soup.get_text()
    assert_framable_by_the_admin_only(response)
    # The page itself, for readers, is unchanged and still unframeable.
    public = admin_client.get(about.url)
    assert directives(public.headers["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_the_preview_panel_may_frame_a_statement_draft(admin_client, home):
    statement = StatementFactory(speaker=PersonFactory(), text="Published words.")
    viewset = "wagtailsnippets_statements_statement"

    data = edit_form(admin_client, reverse(f"{viewset}:edit", args=[statement.pk]))
    data["text"] = "Draft words only the preview shows"
    response = preview(
        admin_client, reverse(f"{viewset}:preview_on_edit", args=[statement.pk]), data
    )

    assert response.status_code == 200
    quote = BeautifulSoup(response.content, "html.parser").select_one("blockquote")
    assert "Draft words only the preview shows" in quote.get_text()
    assert_framable_by_the_admin_only(response)
