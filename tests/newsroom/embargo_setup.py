"""What the embargo-link tests start from: a press release scheduled to go live later, and
a draft statement."""

import datetime

from django.utils import timezone

from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import StatementFactory
from reports.factories import PressReleaseIndexPageFactory, PressReleasePageFactory

DRAFT_WORDS = "Draft words under embargo: 41 defenders detained"
GO_LIVE = datetime.timedelta(days=2)


def scheduled_release(home, words=DRAFT_WORDS, title="Report launch"):
    """A press release that is not live, scheduled ("Schedule to publish") two days ahead."""
    index = PressReleaseIndexPageFactory(parent=home)
    release = PressReleasePageFactory(parent=index, title=title, live=False, standfirst=words)
    release.go_live_at = timezone.now() + GO_LIVE
    release.save_revision().publish()
    release.refresh_from_db()
    assert release.scheduled_revision is not None and not release.live
    return release


def draft_statement(words="Words nobody may quote yet"):
    """A statement saved as a draft (the factory saves its first revision)."""
    return StatementFactory(speaker=PersonFactory(name="Denis Krivosheev"), text=words, live=False)
