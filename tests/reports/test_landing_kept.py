"""The report's landing page lists what the page tree holds (chapters, findings and
recommendations with their sources, countries, press releases); a worker keeps that list
for the site frame's generation (core.sitecache.frame_memo) and must never serve it past a
change. Each test serves the landing first, so the worker holds the old list, then changes
the tree and expects the next request to show the change."""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction, Revision

from reports.factories import (
    KeyFindingFactory,
    PressReleasePageFactory,
    RecommendationFactory,
    ReportChapterPageFactory,
)
from tests.html import links, text

pytestmark = pytest.mark.django_db


def landing(client, report):
    response = client.get(report.url)
    assert response.status_code == 200
    return response


def test_a_chapter_published_later_is_listed_on_the_next_request(client, report, chapters):
    landing(client, report)

    added = ReportChapterPageFactory(parent=report, title="Recommendations", slug="recs")

    assert ("4. Recommendations", added.url) in links(landing(client, report))


def test_a_chapter_restricted_later_is_gone_on_the_next_request(client, report, chapters):
    assert "Marginalised" in text(landing(client, report))

    PageViewRestriction.objects.create(page=chapters[2], restriction_type="login")

    assert "Marginalised" not in text(landing(client, report))


def test_findings_and_recommendations_added_later_show_on_the_next_request(client, report):
    landing(client, report)

    KeyFindingFactory(report=report, text="Defenders are harassed.")
    RecommendationFactory(report=report, text="Repeal the propaganda law.")

    shown = text(landing(client, report))
    assert "Defenders are harassed." in shown
    assert "Repeal the propaganda law." in shown


def test_a_press_release_going_live_at_its_embargo_is_listed_right_after(
    client, report, press_index
):
    release = PressReleasePageFactory(
        parent=press_index, title="Embargoed until noon", report=report, live=False
    )
    release.go_live_at = timezone.now() + datetime.timedelta(days=2)
    release.save_revision().publish()  # "Schedule to publish": not live until then
    release.refresh_from_db()
    assert release.scheduled_revision is not None and not release.live
    assert "Embargoed until noon" not in text(landing(client, report))

    # The embargo time comes: the scheduled version's go-live time is now past.
    scheduled = Revision.objects.get(pk=release.scheduled_revision.pk)
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.approved_go_live_at = past
    scheduled.save()
    call_command("publish_scheduled")

    assert "Embargoed until noon" in text(landing(client, report))
