"""The quote desk is a page in the tree: it serves every address the desk had as plain views,
under its own address, and editors title, introduce and place it."""

import pytest

from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from advocacy.core.factories import StandardPageFactory
from advocacy.core.listings import listing_url
from advocacy.core.models import HomePage, StandardPage
from advocacy.statements.factories import QuoteDeskPageFactory
from advocacy.statements.models import QuoteDeskPage
from tests.html import links, one, text
from tests.signin import SignedInClient
from tests.site_home import build_home

pytestmark = pytest.mark.django_db

TOO_BIG = 2**64 + 1  # past any 64-bit id


@pytest.fixture
def desk_page():
    """Each test here makes (or leaves out) the desk page itself."""


def test_every_address_of_the_desk_answers_as_before(client, quote_desk, statement):
    pk, slug = statement.pk, statement.slug
    expected = {
        "/statements/": 200,
        "/statements/feed/": 200,
        "/statements/statements.csv": 200,
        f"/statements/{pk}-{slug}/": 200,
        f"/statements/{pk}/": 301,
        f"/statements/{pk}-an-old-slug/": 301,
        f"/statements/{pk}/card-og.png": 200,
        f"/statements/{pk}/card-square.png": 200,
        "/ru/statements/": 200,
        # An English statement's one address is its English permalink (a Russian
        # translation has its own under /ru/): never English words in a Russian frame.
        f"/ru/statements/{pk}-{slug}/": 301,
        "/ru/statements/statements.csv": 200,
    }
    answers = {url: client.get(url).status_code for url in expected}
    assert answers == expected
    assert client.get("/statements/feed/")["Content-Type"].startswith("application/atom+xml")
    assert client.get("/statements/statements.csv")["Content-Type"] == "text/csv; charset=utf-8"
    assert client.get(f"/statements/{pk}/")["Location"] == f"/statements/{pk}-{slug}/"


@pytest.mark.parametrize(
    "url",
    [
        "/statements/nothing-here/",
        "/statements/{pk}/more/",
        "/statements/{pk}-{slug}/more/",
        "/statements/{pk}/card-huge.png",
        "/statements/{pk}/card-og.png/",
        "/statements/statements.csv/",
        "/statements/feed.xml",
        "/statements/{big}/",
        "/statements/{big}-words/",
        "/statements/{big}/card-og.png",
        "/statements/-1/",
        "/statements/..%2F..%2Fadmin/",
        "/statements/%00/",
    ],
)
def test_unknown_and_hostile_sub_addresses_are_404(client, quote_desk, statement, url):
    address = url.format(pk=statement.pk, slug=statement.slug, big=TOO_BIG)
    assert client.get(address).status_code == 404


def test_the_desk_takes_no_posts(client, quote_desk, statement):
    for url in ("/statements/", statement.get_absolute_url(), "/statements/statements.csv"):
        assert client.post(url).status_code == 405, url


def test_links_to_the_desk_are_the_addresses_they_were(quote_desk, statement):
    pk, slug = statement.pk, statement.slug
    assert statement.get_absolute_url() == f"/statements/{pk}-{slug}/"
    assert listing_url("quote_desk") == "/statements/"
    assert listing_url("statements_feed") == "/statements/feed/"
    assert listing_url("statements_csv") == "/statements/statements.csv"
    assert listing_url("statement_detail_short", pk=pk) == f"/statements/{pk}/"
    assert listing_url("statement_card", pk=pk, size="og") == f"/statements/{pk}/card-og.png"
    with translation.override("ru"):
        # The reader's language for the desk and its files; the permalink is one address.
        assert listing_url("quote_desk") == "/ru/statements/"
        assert listing_url("statement_card", pk=pk, size="og") == (
            f"/ru/statements/{pk}/card-og.png"
        )
        assert statement.get_absolute_url() == f"/statements/{pk}-{slug}/"


def test_api_permalinks_and_card_addresses_are_unchanged(client, quote_desk, statement):
    [item] = client.get("/api/v2/statements/").json()["items"]
    assert item["permalink"] == f"http://localhost/statements/{statement.pk}-{statement.slug}/"
    assert item["card_urls"]["og"] == f"http://localhost/statements/{statement.pk}/card-og.png"


def test_a_translated_desk_serves_the_russian_addresses(client, quote_desk, statement, home):
    from wagtail.models import Locale

    russian = Locale.objects.create(language_code="ru")
    home.copy_for_translation(russian).save_revision().publish()
    translated = quote_desk.copy_for_translation(russian)
    translated.title = "Цитаты"
    translated.save_revision().publish()

    page = client.get("/ru/statements/")
    assert one(page, "h1").get_text() == "Цитаты"
    # An untranslated (English) statement asked for under /ru/: its own English permalink.
    english = client.get(f"/ru/statements/{statement.pk}-{statement.slug}/")
    assert english.status_code == 301
    assert english["Location"] == f"/statements/{statement.pk}-{statement.slug}/"
    with translation.override("ru"):
        assert listing_url("statements_feed") == "/ru/statements/feed/"


def test_a_renamed_desk_takes_its_addresses_along(client, quote_desk, statement):
    # Served once first: the worker keeps the desk's address for the site frame's generation.
    assert ("Permalink", f"http://localhost/statements/{statement.pk}-{statement.slug}/") in (
        links(client.get("/statements/"), ".desk__item a")
    )
    quote_desk.slug = "quotes"
    quote_desk.save_revision().publish()

    assert statement.get_absolute_url() == f"/quotes/{statement.pk}-{statement.slug}/"
    assert client.get(statement.get_absolute_url()).status_code == 200
    assert ("Permalink", f"http://localhost{statement.get_absolute_url()}") in links(
        client.get("/quotes/"), ".desk__item a"
    )


def test_without_a_desk_permalinks_keep_their_address_and_the_dashboard_says_so(
    client, home, statement, admin_client
):
    """Before the desk page exists (or while it is unpublished) a permalink is still the
    address it will have, so citations printed meanwhile stay right; editors are told."""
    assert statement.get_absolute_url() == f"/statements/{statement.pk}-{statement.slug}/"
    assert client.get(statement.get_absolute_url()).status_code == 404
    assert "There is no live quote desk" in text(admin_client.get("/admin/"), "main")

    QuoteDeskPageFactory(parent=home)

    assert client.get(statement.get_absolute_url()).status_code == 200
    assert "There is no live quote desk" not in text(admin_client.get("/admin/"), "main")


def test_editors_title_and_introduce_the_desk(client, quote_desk, statement):
    quote_desk.title = "Statements for the press"
    quote_desk.intro = "<p>Call the press office for <b>interviews</b>.</p>"
    quote_desk.save_revision().publish()

    page = client.get("/statements/")

    assert one(page, "h1").get_text() == "Statements for the press"
    assert text(page, ".desk .intro") == "Call the press office for interviews."
    assert ("Statements for the press", "/statements/") in links(page, "nav.main-nav a")


def test_the_menu_comes_from_the_tree(client, home, quote_desk):
    """The desk is a menu page like any other: its place is its place among the home page's
    children (the demo puts it last), and Search stays at the end."""
    about = StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)

    def menu(url):
        return [label for label, _href in links(client.get(url), "nav.main-nav a")]

    assert menu("/") == ["Quote desk", "About", "Search"]
    Page.objects.get(pk=quote_desk.pk).move(about, pos="right")
    assert menu("/") == ["About", "Quote desk", "Search"]
    current = links(client.get("/statements/"), 'nav.main-nav a[aria-current="page"]')
    assert current == [("Quote desk", "/statements/")]

    quote_desk.show_in_menus = False
    quote_desk.save_revision().publish()
    assert menu("/") == ["About", "Search"]


class QuoteDeskPageRulesTests(WagtailPageTestCase):
    """Where the desk page may go, and that editors can create and edit it."""

    client_class = SignedInClient  # logins include the two-factor step

    @classmethod
    def setUpTestData(cls):
        cls.home = build_home()

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(QuoteDeskPage, {HomePage})
        self.assertAllowedSubpageTypes(QuoteDeskPage, set())
        self.assertCanCreateAt(HomePage, QuoteDeskPage)
        self.assertCanNotCreateAt(StandardPage, QuoteDeskPage)

    def test_one_per_home_page(self):
        self.assertTrue(QuoteDeskPage.can_create_at(self.home))
        QuoteDeskPageFactory(parent=self.home)
        self.assertFalse(QuoteDeskPage.can_create_at(self.home))

    def test_editors_create_render_preview_and_edit_it(self):
        form = nested_form_data(
            {
                "title": "Quote desk",
                "slug": "statements",
                "intro": rich_text("<p>Every statement, citable.</p>"),
            }
        )
        self.assertCanCreate(self.home, QuoteDeskPage, form)
        desk = QuoteDeskPage.objects.get()
        self.assertPageIsRenderable(desk)
        self.assertPageIsPreviewable(desk, post_data=form)
        self.assertPageIsEditable(desk, post_data=form)
