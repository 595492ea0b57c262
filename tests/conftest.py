import pytest

from django.core.cache import cache
from django.test import Client

from wagtail.models import Locale, Page, Site

from advocacy.core.factories import HomePageFactory
from tests.signin import sign_in


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache: only this process's keys (its own prefix in
    the shared Redis) are deleted, never another test process's."""
    cache.delete_pattern("*")
    yield
    cache.delete_pattern("*")


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def home(root_page):
    """A published home page serving as the default site's root."""
    Locale.objects.get_or_create(language_code="en")
    # Replace Wagtail's initial "Welcome" page, and the site that points at it.
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root_page, slug="home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    return home


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's admin_client (a client of its own, so a test can use it beside the
    anonymous ``client``), signed in with both factors."""
    admin = Client()
    sign_in(admin, admin_user)
    return admin
