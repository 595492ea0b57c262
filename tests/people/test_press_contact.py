"""The press contact: shown to journalists when there is one, never replaced by an admin
instruction; the dashboard tells editors when it is missing; the demo invents none.

Until issue 11 /press/ told the public "Contact details are set in the site settings", and
every press release ended with "Media contact: Press office" and nothing to reach it by.
"""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from wagtail.models import Site

from advocacy.core.models import SiteSettings
from advocacy.people.factories import PressPageFactory
from advocacy.people.models import PressPage
from reports.factories import PressReleaseIndexPageFactory, PressReleasePageFactory
from reports.models import PressReleasePage
from tests.signin import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home):
    press = PressPageFactory(parent=home)
    release = PressReleasePageFactory(parent=PressReleaseIndexPageFactory(parent=home))
    return press, release


def set_contact(site, **fields):
    settings = SiteSettings.for_site(site)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()


def read(client, page):
    return BeautifulSoup(client.get(page.url).content, "html.parser")


def contact_section(soup):
    heading = soup.find("h2", string=lambda s: s and s.strip().startswith("Media contact"))
    return heading.find_parent("section") if heading else None


@pytest.mark.parametrize(
    "fields", [{}, {"press_contact_name": "Press office"}], ids=["unset", "name only"]
)
def test_without_a_way_to_reach_the_press_office_no_contact_is_shown(client, site, pages, fields):
    set_contact(site, **fields)

    for page in pages:
        soup = read(client, page)
        assert contact_section(soup) is None, page
        text = soup.get_text(" ")
        assert "site settings" not in text.lower()
        assert "Press office" not in text
        assert "media contact above" not in text


def test_a_set_contact_is_shown_on_the_press_page_and_each_release(client, site, pages):
    set_contact(
        site, press_contact_name="Press office", press_email="press@example.org", press_phone=""
    )

    for page in pages:
        section = contact_section(read(client, page))
        assert section is not None, page
        assert "Press office" in section.get_text()
        assert section.find("a", href="mailto:press@example.org")


def test_the_dashboard_warns_editors_that_the_press_contact_is_missing(admin_client, site):
    dashboard = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")

    panel = dashboard.select_one("#press-contact-missing-section")
    assert panel is not None
    assert "No press contact" in panel.get_text()
    link = panel.find("a", string=lambda s: s and "site settings" in s)
    assert link["href"] == f"/admin/settings/core/sitesettings/{site.pk}/"

    set_contact(site, press_phone="+44 20 7413 5500")
    dashboard = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    assert dashboard.select_one("#press-contact-missing-section") is None


def test_the_warning_is_for_those_who_can_set_it(site, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    sign_in(client, editor)

    dashboard = BeautifulSoup(client.get("/admin/").content, "html.parser")

    assert dashboard.select_one("#press-contact-missing-section") is None


def test_the_demo_invents_no_press_contact(client):
    call_command("load_demo_content", verbosity=0)

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert (settings.press_contact_name, settings.press_email, settings.press_phone) == ("", "", "")
    for page in (PressPage.objects.live().get(), PressReleasePage.objects.live().get()):
        assert contact_section(read(client, page)) is None
