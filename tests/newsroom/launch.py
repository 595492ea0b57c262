"""A launch not yet public, for the release bundle tests: a report with three draft chapters,
a draft press release announcing it, a draft statement citing a chapter and a draft petition.
The home page and the press release index are live, as on the real site."""

import datetime
from dataclasses import dataclass

from django.utils import timezone, translation

from wagtail.models import Page, Revision

from advocacy.actions.factories import CallToActionFactory
from advocacy.core.models import SiteSettings
from advocacy.statements.factories import StatementFactory
from reports.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    ReportChapterPageFactory,
    ReportPageFactory,
)


@dataclass
class Launch:
    report: Page
    chapters: list
    release: Page
    statement: object
    petition: object

    @property
    def everything(self):
        return [self.report, *self.chapters, self.release, self.statement, self.petition]


def draft_page(factory, **kwargs):
    page = factory(live=False, **kwargs)
    page.save_revision()
    return page


def draft_snippet(obj):
    obj.live = False
    obj.save()
    obj.save_revision()
    return obj


def build_launch(home, site=None):
    report = draft_page(
        ReportPageFactory, parent=home, slug="less-equal", search_description="What we found."
    )
    chapters = [
        draft_page(ReportChapterPageFactory, parent=report, title=title, slug=slug)
        for title, slug in (
            ("A worrying rise in hostility", "introduction"),
            ("Crackdown on LGBTI rights", "crackdown"),
            ("Marginalised", "marginalised"),
        )
    ]
    press_index = PressReleaseIndexPageFactory(parent=home)
    release = draft_page(
        PressReleasePageFactory,
        parent=press_index,
        title="Former Soviet states entrenching homophobia",
        slug="former-soviet-states",
        report=report,
    )
    statement = StatementFactory(live=False, source_page=chapters[0])
    petition = draft_snippet(CallToActionFactory.build(slug="let-lgbti-groups-work"))
    if site is not None:
        settings = SiteSettings.for_site(site)
        settings.press_email = "press@example.org"
        settings.save()
    return Launch(report, chapters, release, statement, petition)


def fresh(obj):
    """The object as the database has it now (pages as their specific type)."""
    return type(obj).objects.get(pk=obj.pk)


def status_of(obj):
    """Wagtail's status word for it ("draft", "scheduled", "live"), in English whatever
    language an earlier test left active."""
    with translation.override("en"):
        return str(fresh(obj).status_string)


def embargo_arrives(bundle, minutes_ago=1):
    """Turn the clock to just after the embargo without faking time: the bundle's time, the
    approved go-live times and the go-live time inside the scheduled revisions are moved a
    minute into the past, as if that minute had passed. (No time-freezing library is in the
    project; the real-time test in test_bundles.py waits for a near embargo instead.)"""
    past = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    for revision in Revision.objects.filter(approved_go_live_at=bundle.embargo_at):
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
    for item in bundle.items.all():
        target = item.target
        type(target).objects.filter(pk=target.pk, go_live_at=bundle.embargo_at).update(
            go_live_at=past
        )
    bundle.embargo_at = past
    bundle.save(update_fields=["embargo_at"])
