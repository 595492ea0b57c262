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
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.title = "About this site"
    about.save_revision().publish()

    call_command("load_demo_content")

    english = StandardPage.objects.get(slug="about", locale__language_code="en")
    assert english.title == "About this site"


@pytest.mark.django_db
def test_demo_home_leads_to_the_report_and_features_the_main_pages(client):
    call_command("load_demo_content", verbosity=0)

    response = client.get("/")

    assert ("Read the report", "/less-equal/") in links(response, "a.button.button--primary")
    featured = texts(response, ".card__title")
    for title in ("Less equal", "Countries", "Former Soviet states entrenching homophobia"):
        assert any(text.startswith(title) for text in featured), title


@pytest.mark.django_db
def test_demo_menu_comes_from_the_tree_with_act_in_it_and_privacy_in_the_footer(client):
    call_command("load_demo_content", verbosity=0)

    menu = links(client.get("/"), "nav.main-nav a")

    assert [label for label, _href in menu] == [
        "Less equal",
        "Countries",
        "Quote desk",
        "Press releases",
        "Press",
        "Act",
        "About",
        "Search",
    ]
    assert ("Quote desk", "/statements/") in menu
    assert ("Act", "/act/") in menu
    assert ("Privacy", "/privacy/") in links(client.get("/"), "footer a")
    assert client.get("/act/").status_code == 200
    assert client.get("/statements/").status_code == 200


@pytest.mark.django_db
def test_a_site_built_before_the_listing_pages_gets_them_on_the_next_run(client):
    """An existing database (built when the desk and /act/ were plain views) gains the two
    pages when ``load_demo_content`` runs again, in the menu where the desk link was."""
    call_command("load_demo_content", verbosity=0)
    Page.objects.filter(slug__in=["statements", "act"], depth=3).delete()
    assert client.get("/statements/").status_code == 404

    call_command("load_demo_content", verbosity=0)

    assert client.get("/statements/").status_code == 200
    assert client.get("/act/").status_code == 200
    labels = [label for label, _href in links(client.get("/"), "nav.main-nav a")]
    assert {"Quote desk", "Act"} <= set(labels) and labels[-1] == "Search"
