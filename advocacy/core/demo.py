"""Demo content for the site frame, and the frame every app's demo step runs in.

``load_demo_content`` builds the site, its home page and the plain pages here, then runs the
demo steps the apps register with the ``build_demo_content`` hook (in their
``wagtail_hooks.py``, with an ``order``: lower layers first), then features the pages the
steps offered on the home page. Core never imports the apps: each step is handed a
``DemoSite`` and finds what else it needs by querying its own or lower layers.

The words come from the press release in ``seeds/`` (read by ``seed.py``); nothing here adds
a fact the seed does not give. Every function is idempotent: it creates what is missing and
leaves what exists (including an editor's later changes) alone.
"""

from dataclasses import dataclass, field
from pathlib import Path

import polib
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from django.apps import apps
from django.conf import settings as django_settings
from django.db import transaction

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.models import DraftStateMixin, Locale, Page, Site, TranslatableMixin

from .models import FeaturedItem, HomePage, SiteSettings, StandardPage
from .public_url import site_address, sync_site

REPORT_TITLE = (
    "Less equal: LGBTI human rights defenders in Armenia, Belarus, Kazakhstan and Kyrgyzstan"
)


def publish(obj):
    """Save a revision of a page or snippet and publish it, as the admin's "Publish" does.

    The admin logs the new revision as an edit and then its publication; Wagtail's history
    offers "Review this version" (and so "Replace current draft") on that edit entry only,
    never on the "Published" one. A revision published without its edit entry could not be
    restored once an editor saved a newer draft; this logs both.
    """
    revision = obj.save_revision(log_action=True)
    revision.publish()
    return revision


def add_child_once(parent, page_class, slug, **fields):
    """Publish a child page with this slug under ``parent`` unless one exists."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing, False
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    publish(page)
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
        publish(home)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Less equal",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Less equal"
        site.save()
    # The site's hostname and port follow PUBLIC_URL, content stays as it is.
    sync_site(site)

    # The site settings with their defaults: the organisation's name; no press contact (the
    # seed gives none, and the demo invents no name, address or phone number; the dashboard
    # asks editors for one); no footer text (the footer's own sentence, no analytics and
    # nothing from third parties, is the template's, in the reader's language).
    settings = SiteSettings.for_site(site)

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
        show_in_menus=False,  # linked from every page's footer (site settings)
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
    if settings.privacy_page_id is None:
        settings.privacy_page = privacy
        settings.save(update_fields=["privacy_page"])
    return home


DEMO_STEPS_HOOK = "build_demo_content"

# Where the plain pages go in the main menu: after whatever the apps place (see ``DemoSite``).
PLAIN_PAGES_MENU_POSITION = {"about": 900}


@dataclass
class DemoSite:
    """What a demo step is handed: the home page to build under, and the home page's hero,
    featured pages and menu order, which steps offer and ``feature`` applies once at the end.

    Positions order the featured pages and the main menu across apps (lower first), so the
    result does not depend on which app's step ran first.
    """

    home: HomePage
    hero: tuple[Page, str] | None = None
    featured: list[tuple[int, Page, str]] = field(default_factory=list)
    menu: list[tuple[int, Page]] = field(default_factory=list)

    def offer_hero(self, page, link_text):
        self.hero = (page, link_text)

    def offer_featured(self, position, page, blurb):
        self.featured.append((position, page, blurb))

    def place_in_menu(self, position, page):
        self.menu.append((position, page))


def demo_steps():
    """The registered steps, in their order (Wagtail sorts hooks by ``order``)."""
    return hooks.get_hooks(DEMO_STEPS_HOOK)


def build():
    """Run by ``load_demo_content``: the frame, every app's step, then the home page."""
    demo = DemoSite(home=build_site())
    for slug, position in PLAIN_PAGES_MENU_POSITION.items():
        page = Page.objects.child_of(demo.home).filter(slug=slug).first()
        if page is not None:
            demo.place_in_menu(position, page)
    for step in demo_steps():
        step(demo)
    feature(demo)
    translate_demo_content()
    return demo


@transaction.atomic
def feature(demo):
    """Point the hero at the page offered for it, feature the pages offered, order the
    menu, once.

    Runs only while the home page has neither a hero link nor featured pages, so an
    editor's later choices are never overwritten.
    """
    home = HomePage.objects.get(pk=demo.home.pk)
    if home.hero_link_id or home.featured_items.exists():
        return home
    if demo.hero is not None:
        home.hero_link, home.hero_link_text = demo.hero
    featured = sorted(demo.featured, key=lambda item: item[0])
    home.featured_items = [FeaturedItem(page=page, blurb=blurb) for _, page, blurb in featured]
    publish(home)
    # Menu order: each page moved in front of the first child, last position first.
    for _position, page in sorted(demo.menu, key=lambda item: item[0], reverse=True):
        page = Page.objects.get(pk=page.pk)
        first = Page.objects.child_of(home).order_by("path").first()
        if page.pk != first.pk:
            page.move(first, pos="left")
    return home


# -- the Russian demo ---------------------------------------------------------------------
# The words, English → Russian, one entry per string a translator sees in the admin's segment
# editor (msgid: the English segment; msgstr: its translation), translated faithfully from
# the seed. A PO file, as outside translators exchange them with wagtail-localize.
RUSSIAN_DEMO = Path(__file__).resolve().parent / "seeds" / "less-equal.ru.po"


def demo_strings(path=RUSSIAN_DEMO):
    """{English: Russian} for every translated entry of the demo's PO file."""
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def translatable_snippet_models():
    """Translatable models with rows of their own (not pages, not a page's parts), those
    another points at first: a statement's speaker is translated before the statement."""
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and not any(isinstance(f, ParentalKey) for f in model._meta.get_fields())
        and model._meta.app_label not in {"wagtailcore", "wagtail_localize"}
    ]

    def points_at(model):
        return {
            f.related_model
            for f in model._meta.get_fields()
            if getattr(f, "many_to_one", False) and f.related_model in found
        }

    ordered = []
    while len(ordered) < len(found):
        for model in found:
            if model not in ordered and points_at(model) <= set(ordered) | {model}:
                ordered.append(model)
    return ordered


def translate_demo_content(language_code="ru", strings=None):
    """Translate every published default-language snippet and page into ``language_code``
    through wagtail-localize's own records (a TranslationSource, a Translation and a
    StringTranslation per segment), then save each target, so that the admin shows them as
    translations it can sync, export and edit. Objects that already have a version in that
    language are left alone (an editor's work is never overwritten)."""
    strings = demo_strings() if strings is None else strings
    if not strings:
        return 0
    default = Locale.objects.get(language_code=django_settings.LANGUAGE_CODE)
    target, _ = Locale.objects.get_or_create(language_code=language_code)
    objects = []
    for model in translatable_snippet_models():
        rows = model._default_manager.filter(locale=default).order_by("pk")
        if issubclass(model, DraftStateMixin):
            rows = rows.filter(live=True)
        objects.extend(rows)
    objects.extend(
        page.specific
        for page in Page.objects.filter(locale=default, depth__gt=1, live=True).order_by("path")
    )
    made = 0
    for obj in objects:
        if obj.get_translation_or_none(target) is not None:
            continue
        with transaction.atomic():
            translate_one(obj, target, strings)
        made += 1
    return made


def translate_one(obj, target, strings):
    source, _ = TranslationSource.get_or_create_from_instance(obj)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=target)
    for segment in source.stringsegment_set.select_related("string", "context"):
        words = strings.get(segment.string.data)
        if words is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target,
            context=segment.context,
            defaults={"data": words, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    translation.save_target(publish=True)
