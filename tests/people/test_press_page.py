"""The press page as a journalist sees it: contacts, spokespeople, the press kit."""

import pytest
from bs4 import BeautifulSoup

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from advocacy.core.models import SiteSettings
from advocacy.people.factories import PersonFactory, PressKitImageFactory, PressPageFactory
from advocacy.people.models import PersonLanguage
from reports.factories import ReportPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def press_page(home):
    return PressPageFactory(parent=home)


def section(client, page, title_id):
    """The page's section headed by the <h2 id=title_id>."""
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.find("section", attrs={"aria-labelledby": title_id})


def report_pdf(collection=None):
    document = get_document_model()(
        title="Less equal (PDF)", collection=collection or Collection.get_first_root_node()
    )
    document.file.save("less-equal.pdf", ContentFile(b"%PDF-1.4 the report"))
    document.save()
    return document


def test_press_page_lists_spokespeople_with_their_role_and_languages(client, press_page):
    spokesperson = PersonFactory()
    spokesperson.languages = [PersonLanguage(language="en"), PersonLanguage(language="ru")]
    spokesperson.save()
    PersonFactory(name="Mikayel Danielyan", is_spokesperson=False)

    people = section(client, press_page, "spokespeople-title")

    cards = people.find_all("li", class_="card")
    assert [card.h3.get_text() for card in cards] == ["Denis Krivosheev"]
    text = cards[0].get_text(" ", strip=True)
    assert "Deputy Director for Europe and Central Asia at Amnesty International" in text
    assert "Interviews in: English, Russian" in text
    statements = cards[0].find("a", string="Their statements")
    assert statements["href"] == f"/statements/?speaker={spokesperson.pk}"


def test_press_page_without_spokespeople_points_to_the_media_contact(client, site, press_page):
    settings = SiteSettings.for_site(site)
    settings.press_email = "press@example.org"
    settings.save()

    people = section(client, press_page, "spokespeople-title")
    assert people.find("li") is None
    assert "please use the media contact above" in people.get_text()


def test_kit_images_carry_their_credit_and_licence(client, press_page):
    PressKitImageFactory(page=press_page)

    kit = section(client, press_page, "kit-title")

    [card] = kit.find_all("li", class_="card")
    assert card.img["alt"] == "Activists at a vigil in Yerevan"
    assert (
        "© Photographer / Amnesty International · Licence: Editorial use with credit only"
        in card.get_text(" ", strip=True)
    )
    assert card.find("a", string="Download original").has_attr("download")


def test_kit_offers_the_public_report_and_its_pdf(client, home, press_page):
    document = report_pdf()
    report = ReportPageFactory(parent=home, slug="less-equal", pdf=document)

    kit = section(client, press_page, "kit-title")

    link = kit.find("a", href=report.url)
    assert link.get_text() == report.full_title
    download = kit.find("a", href=document.url)
    assert download.has_attr("download")
    assert download.get_text(" ", strip=True).startswith("Download PDF")


def test_kit_leaves_out_a_report_the_public_cannot_open(client, home, press_page):
    document = report_pdf()
    report = ReportPageFactory(parent=home, slug="less-equal", pdf=document)
    report.unpublish()

    kit = section(client, press_page, "kit-title")

    assert kit.find("a", href=report.url) is None
    assert kit.find("a", href=document.url) is None
    assert report.title not in kit.get_text()


def test_kit_withholds_a_pdf_that_is_not_public_yet(client, home, press_page):
    embargoed = Collection.get_first_root_node().add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(
        collection=embargoed, restriction_type="password", password="s3cret"
    )
    document = report_pdf(embargoed)
    report = ReportPageFactory(parent=home, slug="less-equal", pdf=document)

    kit = section(client, press_page, "kit-title")

    assert kit.find("a", href=report.url) is not None
    assert kit.find("a", href=document.url) is None
    assert "the PDF is not published yet" in kit.get_text()
