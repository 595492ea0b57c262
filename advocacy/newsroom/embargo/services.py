"""What an embargo link may show, and the writes: making, revoking, counting a view."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Page

from advocacy.statements.models import Statement

from ..models import EmbargoLink, EmbargoLinkView
from ..models.embargo import TOKEN_LENGTH, hash_token, new_token

# Only what secrets.token_urlsafe(32) makes: anything else is refused before any lookup.
TOKEN_FORMAT = re.compile(rf"[A-Za-z0-9_-]{{{TOKEN_LENGTH}}}")

DEFAULT_LIFETIME = datetime.timedelta(days=7)
MAX_LIFETIME = datetime.timedelta(days=90)


class NothingToShare(Exception):
    """The object is public as it stands: there is no unpublished version to share."""


def is_shareable_type(obj):
    """Pages and statements: the things a launch shows journalists ahead of time."""
    return isinstance(obj, Page | Statement)


def can_share(user, obj):
    """Who may make or revoke links for an object: whoever may edit it."""
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    if isinstance(obj, Statement):
        return user.has_perm("statements.change_statement")
    return False


def revision_to_share(obj):
    """The version a new link shows: the one scheduled to go live, else the latest saved
    draft. None when the object is live with no unpublished change (nothing to embargo)."""
    scheduled = obj.scheduled_revision
    if scheduled is not None:
        return scheduled
    if obj.live and not obj.has_unpublished_changes:
        return None
    return obj.latest_revision


def default_expiry(obj, now=None):
    """When a new link stops working unless the editor says otherwise: at the scheduled
    go-live time (the release is public from then), else in seven days."""
    now = now or timezone.now()
    scheduled = obj.scheduled_revision
    if scheduled is not None and now < scheduled.approved_go_live_at <= now + MAX_LIFETIME:
        return scheduled.approved_go_live_at
    return now + DEFAULT_LIFETIME


def create_link(obj, user, *, journalist_name, outlet="", email="", expires_at):
    """Make a link for the version ``revision_to_share`` picks; return (link, raw token).
    The raw token is not kept anywhere: the caller shows it once."""
    revision = revision_to_share(obj)
    if revision is None:
        raise NothingToShare
    token = new_token()
    link = EmbargoLink.objects.create(
        token_hash=hash_token(token),
        revision=revision,
        base_content_type=obj.get_base_content_type(),
        object_id=str(obj.pk),
        object_title=str(obj)[:255],
        journalist_name=journalist_name,
        outlet=outlet,
        email=email,
        expires_at=expires_at,
        created_by=user,
    )
    log(
        instance=obj,
        action="newsroom.embargo_link_create",
        user=user,
        revision=revision,
        data={"journalist": journalist_name, "outlet": outlet, "link": link.pk},
    )
    return link, token


def revoke_link(link, user):
    """Stop a link now. Revoking twice changes nothing."""
    if link.revoked_at is not None:
        return False
    link.revoked_at = timezone.now()
    link.revoked_by = user
    link.save(update_fields=["revoked_at", "revoked_by"])
    obj = link.content_object
    if obj is not None:
        log(
            instance=obj,
            action="newsroom.embargo_link_revoke",
            user=user,
            data={"journalist": link.journalist_name, "outlet": link.outlet, "link": link.pk},
        )
    return True


def find_link(token):
    """The link a token opens, or None. A token that is not the shape ours have (length,
    characters, NUL, anything) is refused without touching the database."""
    if not isinstance(token, str) or not TOKEN_FORMAT.fullmatch(token):
        return None
    return (
        EmbargoLink.objects.select_related("revision", "base_content_type")
        .filter(token_hash=hash_token(token))
        .first()
    )


def record_view(link):
    """One row: this link, now. Never who, never from where."""
    return EmbargoLinkView.objects.create(link=link)


@dataclass(frozen=True)
class Embargo:
    """What the banner says: until a time, until further notice, or lifted at a time."""

    UNTIL = "until"
    FURTHER_NOTICE = "further_notice"
    LIFTED = "lifted"

    state: str
    when: datetime.datetime | None = None


def embargo_for(link, current, shown, now=None):
    """The embargo a link announces. ``current`` is the object as it stands now (its
    schedule may have moved since the link was made), ``shown`` the version the link shows."""
    now = now or timezone.now()
    scheduled = current.scheduled_revision
    if scheduled is not None:
        return Embargo(Embargo.UNTIL, scheduled.approved_go_live_at)
    if current.live and current.live_revision_id == link.revision_id:
        return Embargo(Embargo.LIFTED, current.last_published_at)
    go_live_at = getattr(shown, "go_live_at", None)
    if go_live_at and go_live_at > now:
        return Embargo(Embargo.UNTIL, go_live_at)
    return Embargo(Embargo.FURTHER_NOTICE)
