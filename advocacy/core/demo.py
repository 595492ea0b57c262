"""Demo content for the site frame: the site, its home page and the plain pages.

Built from the press release in ``shared/seeds``; nothing here adds a fact the seed
does not give. Every function is idempotent: it creates what is missing and leaves
what exists (including an editor's later changes) alone.
"""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from .models import FeaturedItem, HomePage, SiteSettings, StandardPage

REPORT_TITLE = (
    "Less equal: LGBTI human rights defenders in Armenia, Belarus, Kazakhstan and Kyrgyzstan"
)


def add_child_once(parent, page_class, slug, **fields):
    """Publish a child page with this slug under ``parent`` unless one exists."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing, False
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, True


@transaction.atomic
def build_site():
    """The locales, the home page as the default site's root, settings and plain pages."""
    Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="ru")

    # The tree's root comes from Wagtail's migrations; an emptied database lacks it.
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    if home is None:
        # Wagtail's first migration leaves a "Welcome to Wagtail" page (and a site that
        # points at it): not ours to show. Deleting it deletes that site too.
        Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
        home = HomePage(
            title="Less equal",
            slug="home",
            seo_title=REPORT_TITLE,
            search_description=(
                "LGBTI human rights defenders in four former Soviet states face rising hostility,"
                " including within the human rights community itself."
            ),
            hero_heading="Less equal",
            hero_text=(
                "LGBTI human rights defenders in Armenia, Belarus, Kazakhstan and Kyrgyzstan"
                " face a worrying rise in hostility — including within the human rights"
                " community itself."
            ),
            intro=(
                "<p>Discrimination, homophobia and Russia’s crusade against non-traditional"
                " sexual relationships have helped fuel a worrying rise in hostility towards"
                " LGBTI human rights groups in parts of the former Soviet Union.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Less equal",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Less equal"
        site.save()

    settings = SiteSettings.for_site(site)
    if not settings.footer_text:
        settings.organisation_name = "Amnesty International"
        settings.press_contact_name = "Press office"
        settings.footer_text = (
            "This site collects no analytics and loads nothing from third parties."
        )
        settings.save()

    about, _ = add_child_once(
        home,
        StandardPage,
        "about",
        title="About",
        show_in_menus=True,
        standfirst=(
            "This site publishes the report “" + REPORT_TITLE + "”, its press release and"
            " the calls to action that follow from it."
        ),
        body=[
            ("heading", {"text": "What the report is about", "level": "h2"}),
            (
                "paragraph",
                "<p>The report explores the increasingly discriminatory environment that LGBTI"
                " rights groups in four former Soviet states have faced in recent years,"
                " including within the human rights community itself.</p>",
            ),
            ("heading", {"text": "Reading safely", "level": "h2"}),
            (
                "paragraph",
                "<p>Every page works without JavaScript, loads nothing from another website"
                " and can be read offline once saved. Pages carry no trackers.</p>",
            ),
        ],
    )
    privacy, _ = add_child_once(
        home,
        StandardPage,
        "privacy",
        title="Privacy",
        show_in_menus=True,
        standfirst="What this site records about you, and what it never records.",
        body=[
            ("heading", {"text": "Reading the site", "level": "h2"}),
            (
                "paragraph",
                "<p>Reading this site sets no cookies and sends nothing to anyone else: no"
                " analytics, no advertising, no social media widgets, no web fonts from"
                " other servers.</p>",
            ),
            ("heading", {"text": "Signing a call to action", "level": "h2"}),
            (
                "paragraph",
                "<p>When you sign, we keep only what the form asks for and the version of"
                " the consent text you agreed to. We never store your IP address or your"
                " browser’s details. You can ask us to erase your signature at any time.</p>",
            ),
        ],
    )
    return home


def build():
    """Entry point used by ``load_demo_content``."""
    return build_site()


@transaction.atomic
def feature(home, hero_page, featured):
    """Point the hero at the report and feature the main pages, once.

    Runs only while the home page has neither a hero link nor featured pages, so an
    editor's later choices are never overwritten.
    """
    home = HomePage.objects.get(pk=home.pk)
    if home.hero_link_id or home.featured_items.exists():
        return home
    home.hero_link = hero_page
    home.hero_link_text = "Read the report"
    home.featured_items = [FeaturedItem(page=page, blurb=blurb) for page, blurb in featured]
    home.save_revision().publish()
    # Menu order: the report and the countries first, the plain pages last.
    order = ["less-equal", "countries", "press-releases", "press", "about", "privacy"]
    for slug in reversed(order):
        page = Page.objects.child_of(home).filter(slug=slug).first()
        first = Page.objects.child_of(home).order_by("path").first()
        if page is not None and first is not None and page.pk != first.pk:
            page.move(first, pos="left")
    return home
