"""What the benchmark measures: (label, path, prepare(size)) with growing sizes."""

from django.core.management import call_command

from advocacy.core.factories import FeaturedItemFactory, StandardPageFactory
from advocacy.core.models import FeaturedItem, HomePage
from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportChapterPage, ReportPage

SIZES = (1, 10, 50)
_demo_loaded = False


def ensure_demo():
    global _demo_loaded
    if not _demo_loaded:
        call_command("load_demo_content", verbosity=0)
        _demo_loaded = True
    return HomePage.objects.get()


def home_with_featured(size):
    home = ensure_demo()
    FeaturedItem.objects.filter(home=home).delete()
    for _ in range(size):
        FeaturedItemFactory(home=home, page=StandardPageFactory(parent=home, show_in_menus=True))


def report_with_chapters(size):
    """A report at /bench-report/ with exactly ``size`` chapters."""
    home = ensure_demo()
    report = ReportPage.objects.filter(slug="bench-report").first()
    if report is None:
        report = ReportPageFactory(parent=home, slug="bench-report", title="Bench report")
    chapters = list(ReportChapterPage.objects.child_of(report).order_by("path"))
    for extra in chapters[size:]:
        extra.delete()
    for n in range(len(chapters), size):
        ReportChapterPageFactory(parent=report, slug=f"chapter-{n + 1}")
    return report


def countries_with_events(size):
    """The demo's countries, plus extra countries and ``size`` events on Belarus."""
    from countries.factories import CountryFactFactory, CountryPageFactory, TimelineEventFactory
    from countries.models import CountryIndexPage, CountryPage, TimelineEvent

    ensure_demo()
    index = CountryIndexPage.objects.get()
    belarus = CountryPage.objects.get(slug="belarus")
    TimelineEvent.objects.filter(country=belarus, description="Bench event").delete()
    for n in range(size):
        TimelineEventFactory(country=belarus, year=1950 + n % 70, description="Bench event")
    extra = ["FR", "DE", "PL", "UA", "GE", "MD"][: min(6, size // 8)]
    for code in extra:
        if not CountryPage.objects.filter(iso_code=code).exists():
            country = CountryPageFactory(
                parent=index, title=f"Country {code}", slug=f"country-{code.lower()}", iso_code=code
            )
            CountryFactFactory(country=country, source=country)


def desk_with_statements(size):
    """The quote desk with ``size`` published statements (10, 100, 1,000)."""
    from advocacy.statements.factories import StatementFactory
    from advocacy.statements.models import Statement

    ensure_demo()
    have = Statement.objects.filter(text__startswith="Bench statement").count()
    for n in range(have, size):
        StatementFactory(text=f"Bench statement {n}")


SCENARIOS = [
    ("home (featured + menu pages)", "/", home_with_featured),
    ("report landing (chapters)", "/bench-report/", report_with_chapters),
    ("chapter 1 (siblings)", "/bench-report/chapter-1/", report_with_chapters),
    ("whole report (chapters)", "/bench-report/all/", report_with_chapters),
    ("country index (events)", "/countries/", countries_with_events),
    ("country page (events)", "/countries/belarus/", countries_with_events),
]

# Scenarios with their own sizes: (label, path, prepare, sizes).
SIZED_SCENARIOS = [
    ("quote desk (statements)", "/statements/", desk_with_statements, (10, 100, 1000)),
    ("desk filtered ?country=BY", "/statements/?country=BY", desk_with_statements, (1000,)),
]

# Requests timed against the plain /about/ page in the same run: (label, path).
TIMED = [
    ("search ?q=propaganda", "/search/?q=propaganda"),
    ("search ?q= 100,000 chars", "/search/?q=" + "x" * 100_000),
    ("search unbalanced quote", '/search/?q="propaganda'),
    ("search ?page=99999", "/search/?q=propaganda&page=99999"),
]
