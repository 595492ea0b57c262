from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from advocacy.accounts.views import limit_password_tries
from advocacy.actions.sitemaps import CallToActionSitemap
from advocacy.api import api_router
from advocacy.core import views as core_views
from advocacy.core.sitemaps import PageSitemap
from advocacy.newsroom.embargo import urls as embargo_urls
from advocacy.newsroom.presskit.views import press_kit_file
from advocacy.statements.sitemaps import StatementSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's view-restriction password forms, with a limit on tries (before Wagtail's own
    # routes, which they shadow).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        limit_password_tries(wagtaildocs_serve.authenticate_with_password, "document"),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "pages": PageSitemap,
                "statements": StatementSitemap,
                "actions": CallToActionSitemap,
            }
        },
        name="sitemap",
    ),
    path("robots.txt", core_views.RobotsView.as_view(), name="robots_txt"),
    # Embargoed previews for journalists: outside the language prefixes, before Wagtail's
    # catch-all, so no page can shadow them.
    path("embargo/", include(embargo_urls)),
    # The press kit zip offered on the press page (named by its content hash).
    re_path(
        r"^press-kit/(?P<file_name>[a-z0-9-]{1,100}\.zip)$", press_kit_file, name="press_kit_file"
    ),
    path("health/", core_views.health, name="health"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # Uploaded media is served by the application only in development and in the
    # local `make run` mode; production serves it from the web server or object storage.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", core_views.serve_media)]

# Public pages: English without a prefix, other languages under /<code>/.
urlpatterns += i18n_patterns(
    path("search/", core_views.search, name="search"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        limit_password_tries(wagtail_views.authenticate_with_password, "page"),
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's own routes but its page view, which is routed from the cached site frame
    # (advocacy.core.sitecache) on the same pattern.
    *[p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"],
    re_path(r"^((?:[\w\-]+/)*)$", core_views.serve, name="wagtail_serve"),
    # Two more ways into Wagtail's pages, for the routes of listing pages (the quote desk,
    # /act/: advocacy.core.listings) that Wagtail's own pattern, slugs ending in "/", cannot
    # reach: a file name at the end (/statements/statements.csv, /statements/12/card-og.png)
    # and a confirmation link's token, which is checked by its view whatever a mail client
    # did to it (/act/confirm/<token>/). Only this route: a free-form last part anywhere
    # would make Django's APPEND_SLASH redirect hostile addresses instead of answering 404.
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.[a-z0-9]+)$", core_views.serve, name="wagtail_serve_file"),
    re_path(r"^((?:[\w\-]+/)+confirm/[^/]+/)$", core_views.serve, name="wagtail_serve_token"),
    prefix_default_language=False,
)

# The self-contained 500 page in the language its address names (/ru/… Russian).
handler500 = "advocacy.core.errors.server_error"
