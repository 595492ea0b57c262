import pytest

from django.core.management import call_command

from wagtail.models import Page, Revision, Site

from advocacy.core.models import HomePage, SiteSettings, StandardPage
from tests.html import links, texts


@pytest.mark.django_db
def test_demo_content_builds_the_site_tree(client):
    call_command("load_demo_content", stdout=None)

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert {p.slug for p in StandardPage.objects.child_of(home).live()} >= {"about", "privacy"}
    assert SiteSettings.for_site(site).organisation_name == "Amnesty International"
    response = client.get("/")
    assert response.status_code == 200
    assert "Less equal" in response.content.decode()
    assert client.get("/privacy/").status_code == 200


@pytest.mark.django_db
def test_demo_content_is_idempotent():
    call_command("load_demo_content")
    before = (
        list(Page.objects.order_by("pk").values_list("pk", "title", "latest_revision_id")),
        Revision.objects.count(),
    )

    call_command("load_demo_content")

    after = (
        list(Page.objects.order_by("pk").values_list("pk", "title", "latest_revision_id")),
        Revision.objects.count(),
    )
    assert after == before


@pytest.mark.django_db
def test_demo_content_keeps_an_editors_changes():
    call_command("load_demo_content")
    about = StandardPage.objects.get(slug="about")
    about.title = "About this site"
    about.save_revision().publish()

    call_command("load_demo_content")

    assert StandardPage.objects.get(slug="about").title == "About this site"


@pytest.mark.django_db
def test_demo_home_leads_to_the_report_and_features_the_main_pages(client):
    call_command("load_demo_content", verbosity=0)

    response = client.get("/")

    assert ("Read the report", "/less-equal/") in links(response, "a.button.button--primary")
    featured = texts(response, ".card__title")
    for title in ("Less equal", "Countries", "Former Soviet states entrenching homophobia"):
        assert any(text.startswith(title) for text in featured), title
