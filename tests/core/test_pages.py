import pytest

from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from advocacy.core.factories import FeaturedItemFactory, StandardPageFactory
from advocacy.core.models import HomePage, StandardPage
from tests.html import hrefs, links, one, select, soup
from tests.signin import SignedInClient
from tests.site_home import build_home


class PageRulesTests(WagtailPageTestCase):
    """The page tree editors can build, and that every page type renders and edits."""

    client_class = SignedInClient  # logins include the two-factor step

    @classmethod
    def setUpTestData(cls):
        cls.home = build_home()
        cls.about = StandardPageFactory(parent=cls.home, title="About", slug="about")

    def setUp(self):
        self.login()

    def test_home_page_sits_at_the_top_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_pages_render_preview_and_save_in_the_editor(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsPreviewable(self.home)
        self.assertPageIsEditable(self.home)
        # StreamField editors are built by JavaScript, so their forms are posted explicitly.
        about_form = nested_form_data(
            {
                "title": "About us",
                "slug": "about",
                "standfirst": "Who we are.",
                "body": streamfield([("paragraph", rich_text("<p>Edited.</p>"))]),
            }
        )
        self.assertPageIsRenderable(self.about)
        self.assertPageIsPreviewable(self.about, post_data=about_form)
        self.assertPageIsEditable(self.about, post_data=about_form)

    def test_publishing_an_edit_changes_the_public_page(self):
        form = nested_form_data(
            {
                "title": "About us",
                "slug": "about",
                "standfirst": "Who we are.",
                "body": streamfield([("paragraph", rich_text("<p>Freshly edited.</p>"))]),
                "action-publish": "publish",
            }
        )

        self.client.post(f"/admin/pages/{self.about.pk}/edit/", form)

        self.client.logout()
        html = self.client.get("/about/").content.decode()
        assert "About us" in html
        assert "Freshly edited." in html

    def test_editor_can_create_a_standard_page_with_a_body(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Contact",
                    "slug": "contact",
                    "standfirst": "How to reach us.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Press", "level": "h2"}),
                            ("paragraph", rich_text("<p>Write to the press office.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="contact")
        assert page.body[0].value["text"] == "Press"


@pytest.mark.django_db
def test_home_page_shows_hero_intro_and_only_visible_featured_pages(client, home):
    visible = StandardPageFactory(parent=home, title="Read the report online")
    draft = StandardPageFactory(parent=home, title="Unpublished draft", live=False)
    private = StandardPageFactory(parent=home, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in (visible, draft, private):
        FeaturedItemFactory(home=home, page=page)

    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert len(select(html, "h1")) == 1
    assert home.hero_heading in html
    assert "An introduction." in html
    assert "Read the report online" in html
    assert "Unpublished draft" not in html
    assert "Members only" not in html


@pytest.mark.django_db
def test_navigation_lists_live_menu_pages_and_marks_the_current_one(client, home):
    StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
    StandardPageFactory(parent=home, title="Hidden from menus", show_in_menus=False)
    StandardPageFactory(parent=home, title="Draft in menu", show_in_menus=True, live=False)

    html = client.get("/about/").content.decode()

    nav = one(html, "nav.main-nav")
    assert ("About", "/about/") in links(nav, 'a[aria-current="page"]')
    assert "Hidden from menus" not in str(nav)
    assert "Draft in menu" not in str(nav)


@pytest.mark.django_db
def test_site_frame_has_landmarks_skip_link_and_language(client, home):
    html = client.get("/").content.decode()
    assert soup(html).html["lang"] == "en"
    assert "#main" in hrefs(html, "a.skip-link")
    for landmark in ("header", "main#main", "footer", "nav.main-nav"):
        assert select(html, landmark), landmark


@pytest.mark.django_db
def test_home_page_query_count_stays_flat_as_featured_items_grow(
    client, home, django_assert_max_num_queries
):
    for _ in range(2):
        FeaturedItemFactory(home=home, page=StandardPageFactory(parent=home))
    client.get("/")  # warm the site and settings caches
    with django_assert_max_num_queries(30) as small:
        client.get("/")
    small_count = len(small.captured_queries)  # before the next request resets the log
    for _ in range(20):
        FeaturedItemFactory(home=home, page=StandardPageFactory(parent=home))
    client.get("/")  # new pages renew the cached site frame
    with django_assert_max_num_queries(small_count):
        client.get("/")
