import pytest

from django.core.cache import caches
from django.test import Client
from django.utils import translation

from wagtail.models import Site

from advocacy.actions.factories import CallsToActionIndexPageFactory
from advocacy.statements.factories import QuoteDeskPageFactory
from tests.signin import sign_in
from tests.site_home import build_home


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language: a request to /ru/… leaves Russian active
    in the thread (Django's locale middleware activates, never deactivates), and strings
    built outside a request (role lines, citations) would follow it into the next test."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache, pages included: only this process's keys (its
    own prefixes in the shared Redis) are deleted, never another test process's."""
    from advocacy.core import pagecache

    pagecache.forget_outage()
    for alias in ("default", "pages"):
        caches[alias].delete_pattern("*")
    yield
    for alias in ("default", "pages"):
        caches[alias].delete_pattern("*")
    pagecache.forget_outage()


@pytest.fixture
def home(db):
    """A published home page serving as the default site's root (built by tests.site_home)."""
    return build_home()


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def quote_desk(home):
    """The quote desk page at /statements/, which serves the statements' addresses."""
    return QuoteDeskPageFactory(parent=home)


@pytest.fixture
def act_index(home):
    """The calls-to-action index page at /act/, which serves every address under it."""
    return CallsToActionIndexPageFactory(parent=home)


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's admin_client (a client of its own, so a test can use it beside the
    anonymous ``client``), signed in with both factors."""
    admin = Client()
    sign_in(admin, admin_user)
    return admin
