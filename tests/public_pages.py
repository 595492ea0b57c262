"""One page of each public type, as a reader or a crawler gets it from the demo site.

The HTML validator (tests/core/test_html_validity.py) and the search-engine audits
(tests/core/test_seo_audits.py) read the same pages: the demo site as ``load_demo_content``
builds it, plus what the demo leaves out so that every type has a page and every part is
shown (a Russian translation, whose pages carry hreflang links, a share box, a press
release's date). Pages are fetched over the
full middleware stack at the address `make run` serves (PUBLIC_URL=http://127.0.0.1:8000,
not the test settings' localhost), once per test module, inside a transaction that is
rolled back.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone

from wagtail.models import Locale

# (name, indexable): indexable pages are meant for search engines (in the sitemap, no
# noindex); the others are public but kept out of indexes (search results, the pages after
# signing) or answer an error status.
PAGE_TYPES = [
    ("home", True),
    ("standard page", True),
    ("report", True),
    ("whole report", True),
    ("report chapter", True),
    ("country index", True),
    ("country", True),
    ("quote desk", True),
    ("statement", True),
    ("press release index", True),
    ("press release", True),
    ("press page", True),
    ("calls to action", True),
    ("petition", True),
    ("pledge", True),
    ("share box", True),
    ("translated page", True),
    ("search results", False),
    ("check your email", False),
    ("confirmation link that does not work", False),
    ("page not found", False),
]
# Where `make run` serves the site by default, and so its PUBLIC_URL.
SERVED_AT = "http://127.0.0.1:8000"
INDEXABLE = [name for name, indexable in PAGE_TYPES if indexable]
ALL = [name for name, _indexable in PAGE_TYPES]


@dataclass
class Fetched:
    url: str
    status: int
    headers: dict
    html: str = field(repr=False)


def _first(model, **filters):
    return model.objects.live().filter(**filters).order_by("path").first()


def build_public_site():
    """The demo site, a Russian translation of the home page and the report, a share box."""
    from advocacy.actions.factories import ShareBoxFactory
    from reports.models import PressReleasePage, ReportPage

    call_command("load_demo_content", verbosity=0)
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    report = _first(ReportPage, locale__language_code="en")
    # The demo translates its pages (published once its transaction commits): the Russian
    # home page and report as they stand, made live here.
    for page in (report.get_parent().specific, report):
        translated = page.get_translation_or_none(russian)
        translated = (translated or page.copy_for_translation(russian)).specific
        if page is report:
            translated.title = "Менее равные"
            translated.seo_title = ""  # the translator's; the English one is not copied over
        translated.save_revision().publish()
    ShareBoxFactory(slug="read-the-report", title="Read the report")
    # The demo's press release gives no date; an editor's is a moment, to the microsecond
    # (the datetime attribute once printed all six digits, which HTML does not allow).
    release = _first(PressReleasePage).get_latest_revision_as_object()
    release.release_time = timezone.now().replace(microsecond=731000)
    release.save_revision().publish()


def page_type_urls():
    """{page type: path} for one page of each type on the site ``build_public_site`` built."""
    from advocacy.actions.models import CallsToActionIndexPage, CallToAction, ShareBox
    from advocacy.core.models import HomePage, StandardPage
    from advocacy.people.models import PressPage
    from advocacy.statements.models import QuoteDeskPage, Statement
    from countries.models import CountryIndexPage, CountryPage
    from reports.models import (
        PressReleaseIndexPage,
        PressReleasePage,
        ReportChapterPage,
        ReportPage,
    )

    english = {"locale__language_code": settings.LANGUAGE_CODE}
    report = _first(ReportPage, **english)
    petition = CallToAction.objects.published().filter(kind="petition").first()
    pledge = CallToAction.objects.published().filter(kind="pledge").first()
    return {
        "home": _first(HomePage, **english).url,
        "standard page": _first(StandardPage, **english).url,
        "report": report.url,
        "whole report": report.url + "all/",
        "report chapter": _first(ReportChapterPage, **english).url,
        "country index": _first(CountryIndexPage, **english).url,
        "country": _first(CountryPage, **english).url,
        "quote desk": _first(QuoteDeskPage, **english).url,
        "statement": Statement.objects.published().order_by("pk").first().get_absolute_url(),
        "press release index": _first(PressReleaseIndexPage, **english).url,
        "press release": _first(PressReleasePage, **english).url,
        "press page": _first(PressPage, **english).url,
        "calls to action": _first(CallsToActionIndexPage, **english).url,
        "petition": petition.get_absolute_url(),
        "pledge": pledge.get_absolute_url(),
        "share box": ShareBox.objects.published().first().get_absolute_url(),
        "translated page": _first(ReportPage, locale__language_code="ru").url,
        "search results": "/search/?q=Armenia",
        "check your email": f"{petition.get_absolute_url()}check-your-email/",
        "confirmation link that does not work": "/act/confirm/not-a-token/",
        "page not found": "/no-such-page/",
    }


def fetch_public_site(django_db_blocker, served_at=SERVED_AT):
    """{page type: Fetched} and robots.txt, for the site ``build_public_site`` builds with
    ``served_at`` as its PUBLIC_URL, requested at that address; then the database as it
    was. For a module-scoped fixture."""
    client = Client(HTTP_HOST=urlsplit(served_at).netloc)
    address = {name: served_at for name in ("WAGTAILADMIN_BASE_URL", "WAGTAILAPI_BASE_URL")}
    with (
        override_settings(PUBLIC_URL=served_at, **address),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        # pytest-django sets up the test database only for a session with a test marked for
        # it (``pytestmark = pytest.mark.django_db`` in the module): never build on another.
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        build_public_site()
        fetched = {}
        for name, path in page_type_urls().items():
            response = client.get(path)
            fetched[name] = Fetched(
                url=served_at + path,
                status=response.status_code,
                headers=dict(response.headers),
                html=response.content.decode(),
            )
        robots = client.get("/robots.txt")
        fetched["robots.txt"] = Fetched(
            url=served_at + "/robots.txt",
            status=robots.status_code,
            headers=dict(robots.headers),
            html=robots.content.decode(),
        )
        transaction.set_rollback(True)
    return fetched
