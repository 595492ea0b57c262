"""The press page as a journalist sees it: contacts, spokespeople, the press kit."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from advocacy.core.models import SiteSettings
from advocacy.people.factories import PersonFactory, PressKitImageFactory, PressPageFactory
from advocacy.people.models import PersonLanguage
from reports.factories import ReportPageFactory
from tests.html import hrefs, links, one, select, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def press_page(home):
    return PressPageFactory(parent=home)


def section(client, page, title_id):
    """The page's section headed by the <h2 id=title_id>."""
    return one(client.get(page.url), f'section[aria-labelledby="{title_id}"]')


def report_pdf(collection=None):
    document = get_document_model()(
        title="Less equal (PDF)", collection=collection or Collection.get_first_root_node()
    )
    document.file.save("less-equal.pdf", ContentFile(b"%PDF-1.4 the report"))
    document.save()
    return document


def test_press_page_lists_spokespeople_with_their_role_and_languages(client, press_page):
    spokesperson = PersonFactory(interview_availability="Available for interview this week")
    spokesperson.languages = [PersonLanguage(language="en"), PersonLanguage(language="ru")]
    spokesperson.save()
    PersonFactory(name="Mikayel Danielyan", is_spokesperson=False)

    people = section(client, press_page, "spokespeople-title")

    cards = select(people, "li.card")
    assert [text(card, "h3") for card in cards] == ["Denis Krivosheev"]
    card_text = text(cards[0])
    assert "Deputy Director for Europe and Central Asia at Amnesty International" in card_text
    assert "Available for interview this week" in card_text
    assert "Interviews in: English, Russian" in card_text
    assert ("Their statements", f"/statements/?speaker={spokesperson.pk}") in links(cards[0])


def test_press_page_without_spokespeople_points_to_the_media_contact(client, site, press_page):
    settings = SiteSettings.for_site(site)
    settings.press_email = "press@example.org"
    settings.save()

    people = section(client, press_page, "spokespeople-title")
    assert select(people, "li") == []
    assert "please use the media contact above" in text(people)


def test_kit_images_carry_their_credit_and_licence(client, press_page):
    PressKitImageFactory(page=press_page)

    kit = section(client, press_page, "kit-title")

    [card] = select(kit, "li.card")
    assert one(card, "img")["alt"] == "Activists at a vigil in Yerevan"
    assert (
        "© Photographer / Amnesty International · Licence: Editorial use with credit only"
        in text(card)
    )
    assert text(card, "a[download]") == "Download original"


def test_kit_offers_the_public_report_and_its_pdf(client, home, press_page):
    document = report_pdf()
    report = ReportPageFactory(parent=home, slug="less-equal", pdf=document)

    kit = section(client, press_page, "kit-title")

    assert (report.full_title, report.url) in links(kit)
    download = one(kit, f'a[href="{document.url}"]')
    assert download.has_attr("download")
    assert text(download).startswith("Download PDF")


def test_kit_leaves_out_a_report_the_public_cannot_open(client, home, press_page):
    document = report_pdf()
    report = ReportPageFactory(parent=home, slug="less-equal", pdf=document)
    report.unpublish()

    kit = section(client, press_page, "kit-title")

    assert report.url not in hrefs(kit)
    assert document.url not in hrefs(kit)
    assert report.title not in text(kit)


def test_kit_withholds_a_pdf_that_is_not_public_yet(client, home, press_page):
    embargoed = Collection.get_first_root_node().add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(
        collection=embargoed, restriction_type="password", password="s3cret"
    )
    document = report_pdf(embargoed)
    report = ReportPageFactory(parent=home, slug="less-equal", pdf=document)

    kit = section(client, press_page, "kit-title")

    assert report.url in hrefs(kit)
    assert document.url not in hrefs(kit)
    assert "the PDF is not published yet" in text(kit)
