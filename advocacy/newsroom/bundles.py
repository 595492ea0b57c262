"""Release bundles: what a launch holds, what is not ready, scheduling and cancelling it.

Scheduling is Wagtail's own scheduled publishing, item by item: the item's current draft is
saved as a revision whose go-live time is the embargo time and "published", which for a
future go-live time only approves the revision (``approved_go_live_at``), exactly what the
editor's "Schedule to publish" does. ``manage.py publish_scheduled``, run by cron every
minute, then makes them all live at the first run after the embargo time. Cancelling clears
the approval on every item (Wagtail logs "Unschedule publication" on each) and gives each
draft back the go-live time it had before; the content itself is never changed.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import log
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from advocacy.actions.models import CallToAction
from advocacy.core.models import SiteSettings
from advocacy.statements.models import Statement
from reports.models import PressReleasePage, ReportChapterPage, ReportPage

from .models import ReleaseBundle, ReleaseBundleItem

Status = ReleaseBundle.Status

# The page types a bundle is made of (the page chooser offers these).
BUNDLE_PAGE_TYPES = (ReportPage, ReportChapterPage, PressReleasePage)

BLOCKING = "blocking"
WARNING = "warning"


class BundleRefused(Exception):
    """The bundle cannot do what was asked; ``messages`` say why, naming each item."""

    def __init__(self, messages):
        messages = [messages] if isinstance(messages, str) else messages
        self.messages = [capfirst(message) for message in messages]
        super().__init__(" ".join(self.messages))


@dataclass
class Check:
    """One line of the checklist: what is not ready, about which item, where to fix it."""

    level: str
    message: str
    label: str = ""
    url: str | None = None

    def __post_init__(self):
        self.message = capfirst(self.message)

    @property
    def blocking(self):
        return self.level == BLOCKING


# -- items ---------------------------------------------------------------------------------
def item_kwargs(target):
    """The foreign key a bundle item uses for this page, statement or call to action."""
    if isinstance(target, Page):
        return {"page": target}
    if isinstance(target, Statement):
        return {"statement": target}
    if isinstance(target, CallToAction):
        return {"call_to_action": target}
    raise BundleRefused(_("A bundle holds pages, statements and calls to action only."))


def label(target):
    """How an item is named in messages: its kind and its title, e.g. report “Less equal”."""
    if isinstance(target, Page):
        kind = target.specific_class._meta.verbose_name
        name = target.get_admin_display_title()
    else:
        kind = target._meta.verbose_name
        name = str(target)
    return f"{kind} “{name}”"


def active_claim(target, exclude_bundle=None):
    """The active bundle item that claims this thing, if any."""
    items = ReleaseBundleItem.objects.filter(active=True, **item_kwargs(target))
    if exclude_bundle is not None:
        items = items.exclude(bundle=exclude_bundle)
    return items.select_related("bundle").first()


def add_item(bundle, target, user=None):
    """Put a page, statement or call to action in a draft bundle; refused, with a message
    naming it, when it is live already or another bundle claims it."""
    if isinstance(target, Page):
        target = target.specific
    kwargs = item_kwargs(target)
    name = label(target)
    if not bundle.is_editable:
        raise BundleRefused(_("Only a draft bundle can be changed: cancel the schedule first."))
    if target.live:
        raise BundleRefused(
            _(
                "%(item)s is already live: a bundle launches what is not yet public. Schedule"
                " changes to a live item from its own edit screen."
            )
            % {"item": name}
        )
    if bundle.items.filter(**kwargs).exists():
        raise BundleRefused(_("%(item)s is already in this bundle.") % {"item": name})
    claim = active_claim(target, exclude_bundle=bundle)
    if claim is not None:
        raise BundleRefused(claimed_message(name, claim.bundle))
    try:
        with transaction.atomic():
            item = ReleaseBundleItem.objects.create(bundle=bundle, **kwargs)
    except IntegrityError:
        # Another editor put it in another bundle between the check and the insert.
        claim = active_claim(target, exclude_bundle=bundle)
        raise BundleRefused(
            claimed_message(name, claim.bundle)
            if claim
            else _("%(item)s could not be added.") % {"item": name}
        ) from None
    log(bundle, "newsroom.bundle.add_item", user=user, data={"item": name})
    return item


def claimed_message(name, other_bundle):
    return _("%(item)s is already in the bundle “%(bundle)s”: one launch per item.") % {
        "item": name,
        "bundle": other_bundle.name,
    }


def add_report_with_chapters(bundle, report, user=None):
    """The report and every chapter of it that is not live yet; returns (added, refused),
    the refusals as messages (a live chapter stays out, which is what one wants)."""
    report = report.specific
    added, refused = [], []
    for target in [report, *ReportChapterPage.objects.child_of(report).order_by("path")]:
        if bundle.items.filter(**item_kwargs(target)).exists():
            continue
        try:
            added.append(add_item(bundle, target, user=user))
        except BundleRefused as refusal:
            refused.extend(refusal.messages)
    return added, refused


def remove_item(bundle, item, user=None):
    if not bundle.is_editable:
        raise BundleRefused(_("Only a draft bundle can be changed: cancel the schedule first."))
    name = label(item.target)
    item.delete()
    log(bundle, "newsroom.bundle.remove_item", user=user, data={"item": name})


def bundle_items(bundle):
    """The bundle's items, their targets fetched up front (pages as their specific type)."""
    items = list(bundle.items.select_related("page", "statement", "call_to_action"))
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[i.page_id for i in items if i.page_id]).specific()
    }
    for item in items:
        if item.page_id:
            item.page = pages[item.page_id]
    return items


# -- the checklist -------------------------------------------------------------------------
def checklist(bundle, user, now=None):
    """What is not ready, blocking lines first. Blocking lines stop the schedule (it could
    not work, or would publish something it must not); warnings are for the team to judge
    and are accepted with a tick when scheduling."""
    now = now or timezone.now()
    items = bundle_items(bundle)
    urls = AdminURLFinder(user)
    checks = []

    def add(level, message, target=None):
        checks.append(
            Check(
                level,
                message,
                label(target) if target is not None else "",
                urls.get_edit_url(target) if target is not None else None,
            )
        )

    if not items:
        add(BLOCKING, _("The bundle is empty: add the report, its chapters and the rest."))
    if bundle.status == Status.DRAFT and bundle.embargo_at <= now:
        add(BLOCKING, _("The embargo time has passed: give a time in the future."))

    in_bundle_pages = {item.page_id for item in items if item.page_id}
    for item in items:
        if bundle.status == Status.SCHEDULED:
            check_scheduled_item(item, bundle, add)
        elif bundle.status == Status.DRAFT:
            check_item(item, bundle, user, in_bundle_pages, add)

    if bundle.status == Status.DRAFT and not press_contact_given():
        checks.append(
            Check(
                WARNING,
                _(
                    "The site has no press contact (Settings › Site settings): the press"
                    " release and the press page will show no way to reach the press office."
                ),
                _("Site settings"),
                press_settings_url(),
            )
        )
    return sorted(checks, key=lambda check: not check.blocking)


def check_item(item, bundle, user, in_bundle_pages, add):
    target = item.target
    draft = target.get_latest_revision_as_object()
    name = label(target)

    if target.live:
        add(
            BLOCKING,
            _("%(item)s is already live: take it out of the bundle.") % {"item": name},
            target,
        )
    claim = active_claim(target, exclude_bundle=bundle)
    if claim is not None:
        add(BLOCKING, claimed_message(name, claim.bundle), target)
    if not can_publish(target, user):
        add(BLOCKING, _("You may not publish %(item)s.") % {"item": name}, target)
    if getattr(target, "locked", False) and target.locked_by_id != getattr(user, "pk", None):
        add(
            BLOCKING,
            _("%(item)s is locked by another editor: ask them to unlock it.") % {"item": name},
            target,
        )
    workflow_state = getattr(target, "current_workflow_state", None)
    if workflow_state is not None:
        add(
            BLOCKING,
            _("%(item)s is in review (%(workflow)s): finish the review first.")
            % {"item": name, "workflow": workflow_state.workflow.name},
            target,
        )
    try:
        draft.full_clean()
    except ValidationError as error:
        add(
            BLOCKING,
            _("%(item)s is not ready to publish: %(errors)s")
            % {"item": name, "errors": first_errors(error)},
            target,
        )
    if isinstance(target, Page):
        check_page(target, draft, name, in_bundle_pages, add)
    elif isinstance(target, Statement):
        check_statement(draft, name, in_bundle_pages, add)
    if target.approved_schedule:
        scheduled = target.scheduled_revision.approved_go_live_at
        add(
            WARNING,
            _("%(item)s is already scheduled on its own for %(time)s; the bundle moves it.")
            % {"item": name, "time": local_time(scheduled)},
            target,
        )


def check_page(page, draft, name, in_bundle_pages, add):
    parent = page.get_parent()
    if not parent.live and parent.pk not in in_bundle_pages:
        add(
            BLOCKING,
            _(
                "%(item)s would go live under %(parent)s, which is a draft and not in this"
                " bundle: add it too."
            )
            % {"item": name, "parent": label(parent.specific)},
            page,
        )
    if not (draft.search_description or strip_tags(str(draft.summary_text or "")).strip()):
        add(
            WARNING,
            _(
                "%(item)s has no summary or search description: lists, search results and"
                " shared links will show no description."
            )
            % {"item": name},
            page,
        )
    if isinstance(page, ReportPage):
        for chapter in ReportChapterPage.objects.child_of(page).filter(live=False):
            if chapter.pk not in in_bundle_pages:
                add(
                    WARNING,
                    _("%(item)s is a draft and not in this bundle: it stays unpublished.")
                    % {"item": label(chapter)},
                    chapter,
                )
    if isinstance(page, PressReleasePage) and draft.report_id:
        report = ReportPage.objects.filter(pk=draft.report_id).first()
        if report is not None and not report.live and report.pk not in in_bundle_pages:
            add(
                WARNING,
                _(
                    "%(item)s announces %(report)s, which is not live and not in this bundle:"
                    " the release will not link to it."
                )
                % {"item": name, "report": label(report)},
                page,
            )


def check_statement(draft, name, in_bundle_pages, add):
    if not (draft.source_page_id or draft.source_description.strip()):
        add(
            WARNING,
            _("%(item)s has no source: give the page or the event it comes from.") % {"item": name},
            draft,
        )
    elif draft.source_page_id:
        source = Page.objects.filter(pk=draft.source_page_id).first()
        if source is not None and not source.live and source.pk not in in_bundle_pages:
            add(
                WARNING,
                _(
                    "%(item)s cites %(page)s, which is not live and not in this bundle: the"
                    " statement will show no source."
                )
                % {"item": name, "page": label(source.specific)},
                draft,
            )


def check_scheduled_item(item, bundle, add):
    """After scheduling: what changed behind the bundle's back."""
    target = item.target
    name = label(target)
    if target.live:
        if bundle.embargo_at > timezone.now():
            add(
                BLOCKING,
                _("%(item)s was published before the embargo time.") % {"item": name},
                target,
            )
        return
    scheduled = target.scheduled_revision
    if scheduled is None or scheduled.approved_go_live_at != bundle.embargo_at:
        add(
            BLOCKING,
            _(
                "%(item)s is no longer scheduled for the embargo time (its schedule was"
                " changed on its own screen): cancel the bundle and schedule it again."
            )
            % {"item": name},
            target,
        )


def first_errors(error):
    """A validation error's first few messages as one line."""
    messages = []
    for field, errors in error.message_dict.items() if hasattr(error, "error_dict") else []:
        prefix = "" if field == "__all__" else f"{field}: "
        messages.extend(prefix + str(message) for message in errors)
    if not messages:
        messages = [str(message) for message in error.messages]
    return "; ".join(messages[:3])


def can_publish(target, user):
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    return policy_registry.get_by_type(type(target)).user_has_permission(user, "publish")


def press_contact_given():
    site = Site.objects.filter(is_default_site=True).first()
    return site is None or SiteSettings.for_site(site).has_press_contact


def press_settings_url():
    from django.urls import reverse

    site = Site.objects.filter(is_default_site=True).first()
    return reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk]) if site else None


def local_time(moment):
    return timezone.localtime(moment).strftime("%d %B %Y, %H:%M %Z")


# -- schedule, cancel, release -------------------------------------------------------------
def lock(bundle):
    """Hold the bundle's row until the transaction ends (two editors pressing at once), and
    read its status afresh into the caller's instance."""
    list(ReleaseBundle.objects.select_for_update().filter(pk=bundle.pk).values_list("pk"))
    bundle.refresh_from_db()


@transaction.atomic
def schedule(bundle, user, accept_warnings=False, now=None):
    """Schedule every item for the embargo time; refused (nothing changed) while anything
    blocks, or while there are warnings nobody accepted."""
    lock(bundle)
    if bundle.status != Status.DRAFT:
        raise BundleRefused(_("Only a draft bundle can be scheduled."))
    checks = checklist(bundle, user, now=now)
    blocking = [check.message for check in checks if check.blocking]
    if blocking:
        raise BundleRefused(blocking)
    if not accept_warnings and checks:
        raise BundleRefused(
            _("Read the %(count)s warning(s) and tick the box to schedule anyway.")
            % {"count": len(checks)}
        )
    items = bundle_items(bundle)
    for item in items:
        target = item.target
        draft = target.get_latest_revision_as_object()
        item.previous_go_live_at = draft.go_live_at
        draft.go_live_at = bundle.embargo_at
        revision = draft.save_revision(user=user, log_action=False)
        try:
            # Wagtail's own publish: a future go-live time approves the revision (and logs
            # "Schedule publication" on the item), exactly as "Schedule to publish" does.
            revision.publish(user=user)
        except PermissionDenied:
            raise BundleRefused(
                _("You may not publish %(item)s.") % {"item": label(target)}
            ) from None
        item.scheduled_revision = revision
        item.save(update_fields=["previous_go_live_at", "scheduled_revision"])
    bundle.status = Status.SCHEDULED
    bundle.scheduled_by = user
    bundle.scheduled_at = timezone.now()
    bundle.save(update_fields=["status", "scheduled_by", "scheduled_at"])
    log(
        bundle,
        "newsroom.bundle.schedule",
        user=user,
        data={"embargo_at": bundle.embargo_at.isoformat(), "items": len(items)},
    )
    return bundle


@transaction.atomic
def cancel(bundle, user, back_to_draft=False):
    """Unschedule every item (their content untouched) and cancel the bundle, or, with
    ``back_to_draft``, keep it as a draft to change and schedule again."""
    lock(bundle)
    if bundle.status not in (Status.DRAFT, Status.SCHEDULED):
        raise BundleRefused(
            _("This bundle is %(status)s already.")
            % {"status": bundle.get_status_display().lower()}
        )
    unscheduled = []
    if bundle.status == Status.SCHEDULED:
        for item in bundle_items(bundle):
            if unschedule_item(item, bundle, user):
                unscheduled.append(label(item.target))
    bundle.status = Status.DRAFT if back_to_draft else Status.CANCELLED
    bundle.save(update_fields=["status"])
    bundle.items.update(active=bundle.status == Status.DRAFT, scheduled_revision=None)
    log(
        bundle,
        "newsroom.bundle.unschedule" if back_to_draft else "newsroom.bundle.cancel",
        user=user,
        data={"unscheduled": unscheduled},
    )
    return bundle


def unschedule_item(item, bundle, user):
    """Clear the approved go-live time, as Wagtail's "Cancel scheduled publish" does (and
    logs), then give the draft back its own go-live time. Returns whether it was scheduled."""
    target = item.target
    if target.live:
        return False  # Already published: nothing to take back here.
    was_scheduled = False
    for revision in target.revisions.filter(approved_go_live_at__isnull=False):
        revision.approved_go_live_at = None
        revision.save(user=user, update_fields=["approved_go_live_at"])
        was_scheduled = True
    target = type(target).objects.get(pk=target.pk)
    draft = target.get_latest_revision_as_object()
    if draft.go_live_at == bundle.embargo_at:
        draft.go_live_at = item.previous_go_live_at
        draft.save_revision(user=user, clean=False, log_action=False)
        type(target).objects.filter(pk=target.pk).update(go_live_at=item.previous_go_live_at)
    return was_scheduled


def note_published(instance):
    """Called when anything is published: a scheduled bundle whose items are now all live
    is released (this runs inside ``publish_scheduled``, item after item)."""
    try:
        kwargs = item_kwargs(instance)
    except BundleRefused:
        return
    kwargs = {f"{key}_id": value.pk for key, value in kwargs.items()}
    bundles = ReleaseBundle.objects.filter(
        status=Status.SCHEDULED,
        pk__in=ReleaseBundleItem.objects.filter(active=True, **kwargs).values("bundle"),
    )
    for bundle in bundles:
        if all(item.target.live for item in bundle_items(bundle)):
            bundle.status = Status.RELEASED
            bundle.released_at = timezone.now()
            bundle.save(update_fields=["status", "released_at"])
            bundle.items.update(active=False)
            log(bundle, "newsroom.bundle.release", data={"items": bundle.items.count()})
