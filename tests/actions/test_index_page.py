"""/act/ is a page in the tree: it serves every address calls to action and share boxes had
as plain views, under its own address, and editors title, introduce and place it. Signing
itself is tested in test_signing.py, caching and CSRF in test_caching.py."""

import pytest

from django.utils import translation

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from advocacy.actions.factories import CallsToActionIndexPageFactory, ShareBoxFactory
from advocacy.actions.models import CallsToActionIndexPage
from advocacy.core.listings import listing_url
from advocacy.core.models import HomePage, StandardPage
from tests.html import links, one, text
from tests.signin import SignedInClient
from tests.site_home import build_home

from .signer import confirmation_link, last_mail, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_page():
    """Each test here makes (or leaves out) the index page itself."""


@pytest.fixture
def box(home):
    return ShareBoxFactory(slug="read-the-report", title="Read the report")


def test_every_address_under_act_answers_as_before(client, act_index, petition, box):
    slug = petition.slug
    sign(client, petition)
    token_link = confirmation_link(last_mail())
    expected = {
        "/act/": 200,
        f"/act/{slug}/": 200,
        f"/act/{slug}/check-your-email/": 200,
        token_link: 200,
        "/act/confirm/not-a-token/": 404,
        f"/act/{box.slug}/": 200,
        "/ru/act/": 200,
        f"/ru/act/{slug}/": 200,
    }
    assert {url: client.get(url).status_code for url in expected} == expected
    assert f"http://localhost{token_link}" in last_mail().body
    assert token_link.startswith("/act/confirm/")
    assert one(client.get(f"/act/{box.slug}/"), "h1").get_text() == "Read the report"


@pytest.mark.parametrize(
    "url",
    [
        "/act/nothing-here/",
        "/act/{slug}/more/",
        "/act/{slug}/check-your-email/more/",
        "/act/nothing-here/check-your-email/",
        "/act/confirm/",
        "/act/confirm/a/b/",
        "/act/{slug}.png",
        "/act/%00/",
    ],
)
def test_unknown_and_hostile_sub_addresses_are_404(client, act_index, petition, url):
    assert client.get(url.format(slug=petition.slug)).status_code == 404


def test_the_list_and_check_your_email_take_no_posts(client, act_index, petition):
    assert client.post("/act/").status_code == 405
    assert client.post(f"/act/{petition.slug}/check-your-email/").status_code == 405


def test_links_under_act_are_the_addresses_they_were(act_index, petition):
    assert petition.get_absolute_url() == f"/act/{petition.slug}/"
    assert listing_url("actions:index") == "/act/"
    assert listing_url("actions:check_email", slug=petition.slug) == (
        f"/act/{petition.slug}/check-your-email/"
    )
    assert listing_url("actions:confirm", "abc") == "/act/confirm/abc/"
    with translation.override("ru"):
        # A call to action's address is in its own language, whatever the reader's; the
        # listing's is in the reader's.
        assert petition.get_absolute_url() == f"/act/{petition.slug}/"
        assert listing_url("actions:index") == "/ru/act/"


def test_without_an_index_page_links_keep_their_address_and_the_dashboard_says_so(
    client, home, petition, admin_client
):
    assert petition.get_absolute_url() == f"/act/{petition.slug}/"
    assert client.get("/act/").status_code == 404
    assert "There is no live calls-to-action index page" in text(admin_client.get("/admin/"))

    CallsToActionIndexPageFactory(parent=home)

    assert client.get(petition.get_absolute_url()).status_code == 200
    assert "calls-to-action index page" not in text(admin_client.get("/admin/"))


def test_editors_title_and_introduce_the_index(client, act_index, petition):
    act_index.title = "Take action"
    act_index.intro = "<p>Sign, pledge or <i>share</i>.</p>"
    act_index.search_description = "What you can do."
    act_index.save_revision().publish()

    page = client.get("/act/")

    assert one(page, "h1").get_text() == "Take action"
    assert text(page, "header .intro") == "Sign, pledge or share."
    assert ("Sign the petition: Let LGBTI groups work", f"/act/{petition.slug}/") in links(
        page, "main a"
    )
    # Not in the main menu unless an editor puts it there (it was not in it).
    assert "Take action" not in text(page, "nav.main-nav")
    act_index.show_in_menus = True
    act_index.save_revision().publish()
    assert ("Take action", "/act/") in links(client.get("/"), "nav.main-nav a")


class CallsToActionIndexPageRulesTests(WagtailPageTestCase):
    """Where the index page may go, and that editors can create and edit it."""

    client_class = SignedInClient  # logins include the two-factor step

    @classmethod
    def setUpTestData(cls):
        cls.home = build_home()

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(CallsToActionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CallsToActionIndexPage, set())
        self.assertCanCreateAt(HomePage, CallsToActionIndexPage)
        self.assertCanNotCreateAt(StandardPage, CallsToActionIndexPage)

    def test_one_per_home_page(self):
        self.assertTrue(CallsToActionIndexPage.can_create_at(self.home))
        CallsToActionIndexPageFactory(parent=self.home)
        self.assertFalse(CallsToActionIndexPage.can_create_at(self.home))

    def test_editors_create_render_preview_and_edit_it(self):
        form = nested_form_data(
            {"title": "Act", "slug": "act", "intro": rich_text("<p>Sign or share.</p>")}
        )
        self.assertCanCreate(self.home, CallsToActionIndexPage, form)
        index = CallsToActionIndexPage.objects.get()
        self.assertPageIsRenderable(index)
        self.assertPageIsPreviewable(index, post_data=form)
        self.assertPageIsEditable(index, post_data=form)
