"""The country dossier: everything the site has published about one country, in one language.

It is found by (ISO code, locale), so /countries/belarus/ and /ru/countries/belarus/ read the
same tags. Only explicit tags count, set by editors: a chapter's "countries", a testimony's
"country", a statement's and a call to action's "countries", the report's "countries
covered". Nothing is found by searching text, so "Armenia" never matches "Armenian".

A testimony that is also on the quote desk as a statement is shown once because it is tagged
once: the statement carries the country and the testimony in the chapter is left untagged
(the testimony block's help text says so, and the migration that filled the tags followed
the same rule). No words are compared at read time.
"""

from django.db.models.functions import Left, Length
from django.utils.functional import cached_property

from advocacy.actions.models import CallToAction
from advocacy.core.translation import localized
from advocacy.core.visibility import annotate_public_page, public_pages
from advocacy.statements.models import NEWEST_FIRST, Statement
from reports.models import ReportChapterPage, ReportPage

# The newest statements shown; the rest are one link away on the quote desk.
STATEMENT_LIMIT = 20
# Calls to action that are open come first, then those that have closed.
STATUS_ORDER = {"open": 0, "closed": 1}


class CountryDossier:
    """Chapters, statements, testimonies, calls to action and timeline for (code, locale).

    Each part is one query (or two), run when first read.
    """

    def __init__(self, code, locale, page=None):
        self.code = str(code).upper()
        self.locale = locale
        self._page = page

    @classmethod
    def for_page(cls, page):
        """The dossier a country page shows (its own timeline, even in a preview)."""
        return cls(page.iso_code, page.locale, page=page)

    @cached_property
    def page(self):
        """The public country page for (code, locale), or the page this was built for."""
        if self._page is not None:
            return self._page
        from .models import CountryPage  # models import this module's neighbours

        return (
            public_pages(CountryPage.objects.filter(iso_code=self.code, locale=self.locale))
            .order_by("path")
            .first()
        )

    @cached_property
    def reports(self):
        """The public reports in this language that list the country as covered."""
        return list(
            public_pages(
                ReportPage.objects.filter(locale=self.locale, countries__country=self.code)
            )
            .distinct()
            .order_by("path")
        )

    @cached_property
    def chapters(self):
        """The public chapters of those reports tagged with the country, in reading order."""
        # In one query: chapters whose parent (their path less its last step) is one of the
        # reports. CountryField(multiple=True) stores "AM,BY,KG": a two-letter code matches
        # whole.
        reports = public_pages(
            ReportPage.objects.filter(locale=self.locale, countries__country=self.code)
        )
        tagged = ReportChapterPage.objects.annotate(
            parent_path=Left("path", Length("path") - ReportPage.steplen)
        ).filter(parent_path__in=reports.values("path"), countries__contains=self.code)
        return list(public_pages(tagged).order_by("path"))

    @cached_property
    def testimonies(self):
        """The anonymous testimonies tagged with the country in those chapters:
        [{"value": the block's value, "chapter": its chapter}]."""
        # Found in the stored bodies, so the quotes and actions placed beside them are not
        # read from the database only to be skipped.
        return [
            {"value": chapter.body[index].value, "chapter": chapter}
            for chapter in self.chapters
            for index, raw in enumerate(chapter.body.raw_data)
            if raw["type"] == "testimony" and chapter.body[index].value.get("country") == self.code
        ]

    @cached_property
    def statements(self):
        """The newest published statements about the country, in any language."""
        return list(
            localized(Statement.objects.published(), self.locale)
            .filter(countries__contains=self.code)
            .select_related("speaker")
            .order_by(*NEWEST_FIRST)[:STATEMENT_LIMIT]
        )

    @cached_property
    def calls_to_action(self):
        """Published petitions and pledges concerning the country that have opened, open
        ones first (share boxes are placed in bodies, not listed by country)."""
        actions = (
            localized(CallToAction.objects.published(), self.locale)
            .filter(countries__contains=self.code)
            .order_by("created_at", "pk")
        )
        return sorted(
            (a for a in actions if a.status in STATUS_ORDER),
            key=lambda action: STATUS_ORDER[action.status],
        )

    @cached_property
    def timeline(self):
        """The country page's dated events, in date order whatever order they were added."""
        if self.page is None:
            return []
        events = annotate_public_page(self.page.events.select_related("source"), "source")
        return sorted(events, key=lambda e: e.date_key)
