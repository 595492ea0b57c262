"""A journalist opens an embargo link: the saved version with the embargo banner, private
headers, one view recorded without who or where; refusals that name nothing."""

import datetime
import hashlib
import re

import pytest

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from advocacy.newsroom.embargo import services
from advocacy.newsroom.models import EmbargoLink, EmbargoLinkView
from tests.html import meta, text
from tests.newsroom.embargo_setup import DRAFT_WORDS, draft_statement, scheduled_release

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def release(home):
    return scheduled_release(home)


def make_link(obj, editor, days=3, **labels):
    labels.setdefault("journalist_name", "Ana Reporter")
    labels.setdefault("outlet", "The Daily Record")
    return services.create_link(
        obj, editor, expires_at=timezone.now() + datetime.timedelta(days=days), **labels
    )


def address(token):
    return f"/embargo/{token}/"


def assert_private(response):
    """Never stored by a cache, never indexed, no referrer, no cookie."""
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private", "no-cache"} <= cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in response.headers
    assert not response.cookies


# -- the token ----------------------------------------------------------------------------
def test_the_token_is_random_and_only_its_hash_is_stored(release, editor):
    link, token = make_link(release, editor)
    other_link, other_token = make_link(release, editor)

    assert len(token) == 43 and re.fullmatch(r"[A-Za-z0-9_-]+", token)
    assert token != other_token
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = EmbargoLink.objects.filter(pk=link.pk).values().get()
    assert token not in " ".join(str(value) for value in stored.values())
    assert services.find_link(token) == link


def test_the_link_is_for_the_scheduled_version(release, editor):
    link, _ = make_link(release, editor)
    assert link.revision == release.scheduled_revision
    assert link.object_title == "Report launch"
    assert link.status() == EmbargoLink.Status.ACTIVE


def test_a_page_public_as_it_stands_has_nothing_to_share(home, editor):
    from advocacy.core.factories import StandardPageFactory

    about = StandardPageFactory(parent=home, title="About")
    with pytest.raises(services.NothingToShare):
        make_link(about, editor)


def test_the_view_log_holds_a_time_and_a_link_only():
    assert {f.name for f in EmbargoLinkView._meta.get_fields()} == {"id", "link", "viewed_at"}
    link_fields = {f.name for f in EmbargoLink._meta.get_fields()}
    assert not {name for name in link_fields if re.search(r"ip|agent|address|header", name)}


# -- the preview ----------------------------------------------------------------------------
def test_the_link_shows_the_draft_with_the_embargo_banner(client, release, editor):
    link, token = make_link(release, editor)

    response = client.get(address(token))

    assert response.status_code == 200
    go_live = timezone.localtime(release.scheduled_revision.approved_go_live_at)
    banner = text(response, ".embargo-banner")
    assert f"EMBARGOED until {go_live:%-d %B %Y, %H:%M}" in banner
    assert "not for publication" in banner
    assert "Ana Reporter, The Daily Record" in banner
    assert DRAFT_WORDS in text(response, "main")
    assert text(response, "h1") == "Report launch"
    assert meta(response, "name", "robots") == "noindex, nofollow"
    # No canonical address or share card of the future page.
    assert b'rel="canonical"' not in response.content
    assert b"og:title" not in response.content
    assert_private(response)
    assert "form-action 'none'" in response["Content-Security-Policy"]
    assert list(EmbargoLinkView.objects.values_list("link", flat=True)) == [link.pk]


def test_each_view_is_counted_and_head_is_not(client, release, editor):
    link, token = make_link(release, editor)
    client.get(address(token))
    client.get(address(token))
    assert client.head(address(token)).status_code == 200
    assert EmbargoLink.objects.with_views().get(pk=link.pk).view_count == 2


def test_the_link_keeps_showing_its_version_after_later_edits(client, release, editor):
    _, token = make_link(release, editor)
    later = release.get_latest_revision_as_object()
    later.standfirst = "Words changed after the link was sent"
    later.save_revision()

    page = client.get(address(token))

    assert DRAFT_WORDS in text(page, "main")
    assert "Words changed after the link was sent" not in text(page)


def test_the_banner_follows_a_moved_schedule(client, release, editor):
    _, token = make_link(release, editor)
    moved = release.get_latest_revision_as_object()
    moved.go_live_at = timezone.now() + datetime.timedelta(days=5)
    moved.save_revision().publish()

    banner = text(client.get(address(token)), ".embargo-banner")

    assert f"EMBARGOED until {timezone.localtime(moved.go_live_at):%-d %B %Y, %H:%M}" in banner


def test_a_draft_statement_is_embargoed_until_further_notice(client, quote_desk, editor):
    statement = draft_statement()
    _, token = make_link(statement, editor, outlet="")

    page = client.get(address(token))

    assert page.status_code == 200
    assert "EMBARGOED until further notice — not for publication" in text(page, ".embargo-banner")
    assert "Shared with Ana Reporter, in confidence." in text(page, ".embargo-banner")
    assert "Words nobody may quote yet" in text(page, "blockquote")
    assert_private(page)


def test_the_journalist_labels_are_shown_escaped(client, release, editor):
    _, token = make_link(release, editor, journalist_name="<script>alert(1)</script>")
    page = client.get(address(token))
    assert b"<script>alert(1)</script>" not in page.content
    assert "<script>alert(1)</script>" in text(page, ".embargo-banner")


# -- refusals -------------------------------------------------------------------------------
def assert_names_nothing(response, *titles):
    for title in ["Report launch", DRAFT_WORDS, *titles]:
        assert title not in response.content.decode()


def test_a_revoked_link_is_gone(client, release, editor):
    link, token = make_link(release, editor)
    services.revoke_link(link, editor)

    page = client.get(address(token))

    assert page.status_code == 410
    assert "This preview link no longer works" in text(page, "h1")
    assert "withdrawn" in text(page, "main")
    assert_names_nothing(page)
    assert meta(page, "name", "robots") == "noindex, nofollow"
    assert_private(page)
    assert not EmbargoLinkView.objects.exists()


def test_an_expired_link_is_gone(client, release, editor):
    link, token = make_link(release, editor)
    EmbargoLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())

    page = client.get(address(token))

    assert page.status_code == 410
    assert "expired" in text(page, "main")
    assert_names_nothing(page)
    assert_private(page)


def test_a_link_to_a_deleted_page_is_gone(client, release, editor):
    link, token = make_link(release, editor)
    release.delete()

    page = client.get(address(token))

    assert page.status_code == 410
    assert "no longer available" in text(page, "main")
    assert_names_nothing(page)
    link.refresh_from_db()
    assert link.revision is None


def test_a_link_to_a_deleted_statement_is_gone(client, quote_desk, editor):
    statement = draft_statement()
    _, token = make_link(statement, editor)
    statement.delete()

    page = client.get(address(token))

    assert page.status_code == 410
    assert_names_nothing(page, "Words nobody may quote yet")


HOSTILE = [
    "A" * 43,  # the right shape, no such link
    "A" * 42,
    "A" * 44,
    "%00" * 43,
    "A" * 42 + "%00",
    "A" * 100_000,
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%ff%fe%fd",
    "%C3%A9" * 43,
    "..%2F..%2Fadmin",
    "1",
]


def without_nonce(content):
    return re.sub(rb'nonce="[^"]*"', b"", content)


def test_a_guessed_or_mangled_token_gets_the_same_404(client, release, editor):
    _, token = make_link(release, editor)
    probes = [*HOSTILE, token[:-1], token[1:], token + "A", token.swapcase()]
    paths = [address(p) for p in probes] + [
        f"/embargo/{token}",
        f"/embargo/{token}/x/",
        "/embargo/",
    ]

    responses = [client.get(path) for path in paths]

    assert {r.status_code for r in responses} == {404}
    assert len({without_nonce(r.content) for r in responses}) == 1
    for response in responses:
        assert_names_nothing(response)
        assert_private(response)
    assert not EmbargoLinkView.objects.exists()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_only_get_and_head_are_answered(client, release, editor, method):
    _, token = make_link(release, editor)
    response = getattr(client, method)(address(token))
    assert response.status_code == 405
    assert_private(response)
    assert not EmbargoLinkView.objects.exists()


@override_settings(EMBARGO_LINK_MISS_RATE="3/m")
def test_guessing_is_slowed_down(client, release, editor):
    _, token = make_link(release, editor)
    for n in range(3):
        assert client.get(address(f"{n}" * 43)).status_code == 404
    assert client.get(address("x" * 43)).status_code == 429
    refused = client.get(address(token))
    assert refused.status_code == 429
    assert_names_nothing(refused)
    assert_private(refused)


def test_once_the_release_goes_live_the_banner_says_the_embargo_is_lifted(client, release, editor):
    from django.core.management import call_command

    from wagtail.models import Revision

    _, token = make_link(release, editor)
    # The embargo time comes: the scheduled version's go-live time is now past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled = Revision.objects.get(pk=release.scheduled_revision.pk)
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.approved_go_live_at = past
    scheduled.save()
    call_command("publish_scheduled")
    release.refresh_from_db()
    assert release.live

    banner = text(client.get(address(token)), ".embargo-banner")

    assert "Embargo lifted on" in banner
    assert "EMBARGOED" not in banner


def test_a_draft_link_lasts_seven_days_unless_told_otherwise(quote_desk):
    statement = draft_statement()
    now = timezone.now()
    assert services.default_expiry(statement, now) == now + datetime.timedelta(days=7)
    assert services.revision_to_share(statement) == statement.latest_revision
