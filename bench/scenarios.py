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


def action_with_signatures(size):
    """The demo petition with exactly ``size`` confirmed signatures, bulk-inserted."""
    from advocacy.actions.models import CallToAction, Signature

    ensure_demo()
    action = CallToAction.objects.get(slug=PETITION_SLUG)
    Signature.objects.filter(call_to_action=action).delete()
    consent = action.current_consent
    batch = 5_000
    for start in range(0, size, batch):
        Signature.objects.bulk_create(
            Signature(
                call_to_action=action,
                name=f"Signer {n}",
                email=f"signer{n}@example.org",
                country=("AM", "BY", "KZ", "KG")[n % 4],
                show_publicly=n % 3 == 0,
                consent=consent,
                confirmed_at=action.created_at,
            )
            for n in range(start, min(start + batch, size))
        )
    CallToAction.objects.filter(pk=action.pk).update(confirmed_count=size)


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

PETITION_SLUG = "let-lgbti-groups-work-in-safety"
# Pages that show a call to action's count, measured with no signature and with 100,000.
ACTION_SIZES = (0, 100_000)
ACTION_PAGES = [
    ("call to action (signatures)", f"/act/{PETITION_SLUG}/"),
    ("report landing (signatures)", "/less-equal/"),
    ("country page (signatures)", "/countries/belarus/"),
]


def bench_petition():
    """An open petition of its own for the signing benchmark, with no signature yet."""
    from advocacy.actions.factories import CallToActionFactory

    ensure_demo()
    return CallToActionFactory(goal=100_000)


# Requests timed against the plain /about/ page in the same run: (label, path).
TIMED = [
    ("search ?q=propaganda", "/search/?q=propaganda"),
    ("search ?q= 100,000 chars", "/search/?q=" + "x" * 100_000),
    ("search unbalanced quote", '/search/?q="propaganda'),
    ("search ?page=99999", "/search/?q=propaganda&page=99999"),
    ("sign page, 100,000 signatures", f"/act/{PETITION_SLUG}/"),
]
