"""The site a test starts from: a published home page at the top of the page tree, served by
the default site at the public address (settings.PUBLIC_URL: http://localhost in the test
settings, the live server's address in the browser tests).

pytest tests take it as the ``home`` (or ``site``) fixture of tests/conftest.py. The
WagtailPageTestCase classes, which cannot take pytest fixtures, call build_home() from their
setUpTestData; this module is the one place the setup is written."""

from wagtail.models import Locale, Page, Site

from advocacy.core.factories import HomePageFactory
from advocacy.core.public_url import site_address


def build_home():
    """Replace Wagtail's initial "Welcome" page with a home page and point the default site
    at it; return the home page."""
    Locale.objects.get_or_create(language_code="en")
    # Deleting the "Welcome" page deletes the site that points at it too.
    Page.objects.filter(depth=2).delete()
    # A transactional test before this one may have flushed the tree, root included.
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePageFactory(parent=root, slug="home")
    hostname, port = site_address()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": hostname, "port": port, "root_page": home, "site_name": "Test"},
    )
    return home
