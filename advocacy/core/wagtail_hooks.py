"""Core's admin and serving hooks: the "visible to the public" rule at the door."""

from django.http import Http404
from django.urls import reverse
from django.utils.html import escape

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.rich_text.pages import PageLinkHandler

from .listings import missing_listing_panels
from .models import SiteSettings
from .visibility import has_expired, is_public_collection, is_public_document, visible_page_ids


class PublicPageLinkHandler(PageLinkHandler):
    """Links to pages in rich text: a page the public cannot open (a draft, an embargoed
    release, a page behind a password) is not linked, so its address and slug stay
    private; the linked words are kept."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        pages = cls.get_many(attrs_list)
        visible = visible_page_ids(page.pk for page in pages if page is not None)
        return [
            f'<a href="{escape(page.localized.url)}">'
            if page is not None and page.pk in visible
            else "<a>"
            for page in pages
        ]


@hooks.register("register_rich_text_features", order=100)
def link_only_public_pages(features):
    # Runs after Wagtail's own registration (order 0) and replaces its "page" link type.
    features.register_link_type(PublicPageLinkHandler)


@hooks.register("before_serve_page")
def refuse_expired_pages(page, request, serve_args, serve_kwargs):
    """A page past its expiry time is gone for the public even before the scheduler runs."""
    if has_expired(page):
        raise Http404


@hooks.register("before_serve_document", order=-10)
def refuse_unused_documents(document, request):
    """A document in a public collection is served only once a public page uses it, so a
    report's PDF uploaded before the launch cannot be fetched by guessing its address.
    Documents in a restricted collection follow that collection's rule (Wagtail's own hook);
    editors, who can open the admin, can fetch anything they can see there."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if is_public_collection(document.collection) and not is_public_document(document):
        raise Http404
    return None


class PressContactMissingPanel(Component):
    """A dashboard warning: the site has no press contact, so the press page and every press
    release show none. Public pages never carry admin instructions; this panel does."""

    name = "press_contact_missing"
    template_name = "core/admin/press_contact_missing_panel.html"
    order = 50

    def __init__(self, site):
        self.site = site

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["settings_url"] = reverse(
            "wagtailsettings:edit", args=["core", "sitesettings", self.site.pk]
        )
        return context


@hooks.register("construct_homepage_panels")
def warn_when_the_press_contact_is_missing(request, panels):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None or not request.user.has_perm("core.change_sitesettings"):
        return
    if not SiteSettings.for_site(site).has_press_contact:
        panels.append(PressContactMissingPanel(site))


@hooks.register("construct_homepage_panels")
def warn_of_missing_listing_pages(request, panels):
    """Editors learn on the dashboard when the quote desk or /act/ has no live page."""
    panels.extend(missing_listing_panels())


# -- translations: what is untranslated or out of date --------------------------------------
@hooks.register("register_admin_urls")
def register_translation_status_url():
    from django.urls import path

    from .translation_admin import translation_status_view

    return [path("translations/status/", translation_status_view, name="translation_status")]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    from django.utils.translation import gettext_lazy as _

    from wagtail.admin.menu import AdminOnlyMenuItem

    return AdminOnlyMenuItem(
        _("Translations"), reverse("translation_status"), icon_name="globe", order=900
    )
