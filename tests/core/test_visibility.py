"""One rule decides what the public may see; nothing hidden leaks through a reference.

Each test puts a hidden thing (a draft, a scheduled release, a page behind a password, a
file in a private collection) behind a reference on a public surface, and checks that the
public surface says nothing about it, not even its title.
"""

import datetime

import pytest
import wagtail_factories

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from advocacy.actions.factories import ShareBoxFactory
from advocacy.core.factories import StandardPageFactory
from advocacy.statements.factories import StatementFactory
from countries.factories import CountryFactFactory, CountryIndexPageFactory, CountryPageFactory
from reports.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    ReportPageFactory,
)
from tests.html import hrefs, links

pytestmark = pytest.mark.django_db
SECRET = "Quuxembargo"  # a word that appears only in hidden things


def hide(page, how):
    """Make a page invisible to the public in one of the ways editors do."""
    if how == "draft":
        page.unpublish()
    elif how == "scheduled":
        page.unpublish()
        page.go_live_at = timezone.now() + datetime.timedelta(days=3)
        page.save_revision().publish()  # scheduled: stays not live until go_live_at
    elif how == "private":
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    elif how == "expired":
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save(update_fields=["expire_at"])  # the scheduler has not run yet
    page.refresh_from_db()
    return page


HOW = ["draft", "scheduled", "private", "expired"]


@pytest.fixture
def press_index(home):
    return PressReleaseIndexPageFactory(parent=home)


@pytest.fixture
def hidden_release(press_index):
    return PressReleasePageFactory(parent=press_index, title=f"{SECRET} release", slug="hidden")


@pytest.fixture
def country(home):
    index = CountryIndexPageFactory(parent=home)
    return CountryPageFactory(parent=index, title="Belarus", iso_code="BY")


@pytest.mark.parametrize("how", HOW)
def test_country_fact_does_not_name_a_hidden_source(client, country, hidden_release, how):
    CountryFactFactory(country=country, source=hidden_release)
    hide(hidden_release, how)
    response = client.get(country.url)
    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert "/press-releases/hidden/" not in response.content.decode()


def test_country_fact_names_a_public_source(client, country, hidden_release):
    CountryFactFactory(country=country, source=hidden_release)
    page = client.get(country.url).content.decode()
    assert f"{SECRET} release" in page


@pytest.mark.parametrize("how", HOW)
def test_statement_does_not_name_a_hidden_source_page(client, quote_desk, hidden_release, how):
    statement = StatementFactory(source_page=hidden_release)
    hide(hidden_release, how)
    page = client.get(statement.get_absolute_url()).content.decode()
    assert statement.text in page
    assert SECRET not in page


@pytest.mark.parametrize("how", HOW)
def test_quote_desk_and_permalink_do_not_name_a_hidden_country(client, home, quote_desk, how):
    index = CountryIndexPageFactory(parent=home)
    hidden = CountryPageFactory(parent=index, title=f"{SECRET}stan", iso_code="UZ")
    statement = StatementFactory(countries=[hidden.iso_code])
    hide(hidden, how)
    for url in ("/statements/", statement.get_absolute_url(), "/api/v2/statements/"):
        body = client.get(url).content.decode()
        assert statement.text in body, url
        assert SECRET not in body, url
        assert '"UZ"' not in body, url


@pytest.mark.parametrize("how", ["draft", "private", "expired"])
def test_statements_api_unknown_and_hidden_country_answer_alike(client, home, quote_desk, how):
    index = CountryIndexPageFactory(parent=home)
    hidden = CountryPageFactory(parent=index, title="Uzbekistan", iso_code="UZ")
    StatementFactory(countries=[hidden.iso_code])
    hide(hidden, how)
    unknown = client.get("/api/v2/statements/", {"country": "ZZ"})
    assert unknown.status_code == 400
    for url in ("/api/v2/statements/", "/statements/feed/", "/statements/statements.csv"):
        response = client.get(url, {"country": "UZ"})
        assert response.status_code == 400, url
    assert client.get("/api/v2/statements/", {"country": "UZ"}).json() == {
        "country": unknown.json()["country"].replace("ZZ", "UZ")
    }


@pytest.mark.parametrize("how", HOW)
def test_call_to_action_button_never_leads_to_a_hidden_page(client, home, how):
    target = StandardPageFactory(parent=home, title=f"{SECRET} page", slug="target")
    action = ShareBoxFactory(link_page=target, link_url="", link_text="Go")
    hide(target, how)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "/target/" not in page


@pytest.mark.parametrize("how", HOW)
def test_home_hero_never_leads_to_a_hidden_page(client, home, how):
    target = StandardPageFactory(parent=home, title=f"{SECRET} page", slug="target")
    home.hero_link = target
    home.hero_link_text = ""
    home.save_revision().publish()
    hide(target, how)
    page = client.get("/").content.decode()
    assert SECRET not in page
    assert "/target/" not in page


def test_home_hero_leads_to_a_public_page(client, home):
    target = StandardPageFactory(parent=home, title="Read on", slug="target")
    home.hero_link = target
    home.save_revision().publish()
    assert "/target/" in hrefs(client.get("/"))


@pytest.mark.parametrize("how", HOW)
def test_pages_api_does_not_serialise_a_hidden_report(client, home, press_index, how):
    report = ReportPageFactory(parent=home, title=f"{SECRET} report", slug="report")
    release = PressReleasePageFactory(parent=press_index, slug="launch", report=report)
    hide(report, how)
    response = client.get(f"/api/v2/pages/{release.pk}/")
    assert response.status_code == 200
    assert response.json()["report"] is None
    assert SECRET not in response.content.decode()
    listing = client.get("/api/v2/pages/", {"type": "reports.PressReleasePage", "fields": "*"})
    assert SECRET not in listing.content.decode()
    assert SECRET not in client.get(release.url).content.decode()


def test_pages_api_serialises_a_public_report(client, home, press_index):
    report = ReportPageFactory(parent=home, title="The report", slug="report")
    release = PressReleasePageFactory(parent=press_index, slug="launch", report=report)
    data = client.get(f"/api/v2/pages/{release.pk}/").json()
    assert data["report"]["id"] == report.pk
    assert data["report"]["title"] == "The report"


@pytest.mark.parametrize("how", ["expired"])
def test_expired_page_is_gone_everywhere(client, hidden_release, how):
    hide(hidden_release, how)
    call_command("update_index", verbosity=0)
    assert client.get(hidden_release.url).status_code == 404
    assert client.get(f"/api/v2/pages/{hidden_release.pk}/").status_code == 404
    assert SECRET not in client.get("/sitemap.xml").content.decode()
    assert "/press-releases/hidden/" not in client.get("/sitemap.xml").content.decode()
    assert SECRET not in client.get("/press-releases/").content.decode()
    results = client.get("/search/", {"q": SECRET}).content.decode()
    assert "0 results for" in results
    assert "/press-releases/hidden/" not in results


# -- documents and images --------------------------------------------------------------
def make_document(title, collection=None):
    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file.save(f"{title.lower()}.pdf", ContentFile(b"%PDF-1.4 " + title.encode()))
    document.save()
    return document


@pytest.fixture
def private_collection():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password="x"
    )
    return collection


def test_documents_api_lists_only_documents_a_public_page_uses(
    client, home, press_index, private_collection
):
    used = make_document("Used")
    unused = make_document(f"{SECRET}unused")
    in_private = make_document(f"{SECRET}private", private_collection)
    on_draft = make_document(f"{SECRET}draft")
    ReportPageFactory(parent=home, slug="report", pdf=used)
    ReportPageFactory(parent=home, slug="other", pdf=in_private)
    draft = ReportPageFactory(parent=home, slug="draft", pdf=on_draft)
    hide(draft, "draft")

    listing = client.get("/api/v2/documents/")
    assert listing.status_code == 200
    assert [item["id"] for item in listing.json()["items"]] == [used.pk]
    for document in (unused, in_private, on_draft):
        assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{used.pk}/").status_code == 200
    searched = client.get("/api/v2/documents/", {"search": SECRET}).json()
    assert searched["items"] == []


def test_report_pdf_in_a_private_collection_is_not_offered(client, home, private_collection):
    pdf = make_document(f"{SECRET}pdf", private_collection)
    report = ReportPageFactory(parent=home, slug="report", pdf=pdf)
    page = client.get(report.url).content.decode()
    assert pdf.url not in page
    assert client.get(f"/api/v2/pages/{report.pk}/").json()["pdf"] is None


def test_unused_document_is_not_served_to_the_public(
    client, home, admin_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    unused = make_document(f"{SECRET}unused")
    used = make_document("Used")
    ReportPageFactory(parent=home, slug="report", pdf=used)
    assert client.get(unused.url).status_code == 404
    assert client.get(used.url).status_code == 200
    assert admin_client.get(unused.url).status_code == 200  # editors can check a file


def test_images_api_lists_only_images_a_public_page_uses(client, home, country):
    used = wagtail_factories.ImageFactory(title="Used")
    unused = wagtail_factories.ImageFactory(title=f"{SECRET} unused")
    on_draft = wagtail_factories.ImageFactory(title=f"{SECRET} draft")
    country.hero_image = used
    country.save_revision().publish()
    draft = ReportPageFactory(parent=home, slug="draft", cover_image=on_draft)
    hide(draft, "draft")
    listing = client.get("/api/v2/images/")
    assert [item["id"] for item in listing.json()["items"]] == [used.pk]
    for image in (unused, on_draft):
        assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404


@pytest.mark.parametrize("how", HOW)
def test_rich_text_does_not_link_a_hidden_page(client, home, hidden_release, how):
    page = StandardPageFactory(parent=home, slug="about")
    home.intro = f'<p>See <a linktype="page" id="{hidden_release.pk}">the release</a>.</p>'
    home.save_revision().publish()
    hide(hidden_release, how)
    body = client.get("/").content.decode()
    assert "the release" in body
    assert "/press-releases/hidden/" not in body
    assert page.url  # a public page is still linked normally:
    home.intro = f'<p>See <a linktype="page" id="{page.pk}">about us</a>.</p>'
    home.save_revision().publish()
    assert ("about us", "/about/") in links(client.get("/"))
