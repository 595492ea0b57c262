"""The press kit's download, and what the press page shows of it."""

from django.core.cache import cache
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from advocacy.core.visibility import is_public_page
from advocacy.newsroom.models import PressKit
from advocacy.people.presskit import PressKitArchive

from .builder import storage
from .tasks import enqueue_press_kit_build

# Shared caches keep the file at most this long: a kit withdrawn (something in it was
# unpublished) is gone from every cache within that time.
MAX_AGE = 300
# A missing kit asks for a build at most this often (from page views and downloads).
REQUEUE_SECONDS = 300


def current_kit(press_page):
    """The press page's kit while it may be offered: the page is public and nothing in the
    kit has passed its expiry time since it was built; else None (and a build is asked for)."""
    kit = PressKit.objects.filter(press_page=press_page).first()
    if kit is not None and kit.stale_after is not None and kit.stale_after <= timezone.now():
        kit = None
    if (
        kit is None
        and is_public_page(press_page)
        and cache.add("press-kit-requested", 1, REQUEUE_SECONDS)
    ):
        enqueue_press_kit_build()
    return kit


def contents_lines(summary):
    """What the zip holds, line by line, in the reader's language."""
    lines = [_("README.txt: what is in the kit and where it comes from")]
    releases = summary.get("releases", [])
    if releases:
        lines.append(
            ngettext(
                "%(count)d press release as plain text",
                "%(count)d press releases as plain text",
                len(releases),
            )
            % {"count": len(releases)}
        )
    for document in summary.get("documents", []):
        lines.append(f"{document['title']} ({document['extension']})")
    if summary.get("images"):
        lines.append(
            ngettext(
                "%(count)d image approved for press use, with credits",
                "%(count)d images approved for press use, with credits",
                summary["images"],
            )
            % {"count": summary["images"]}
        )
    lines.append(
        ngettext(
            "statements.csv: %(count)d public statement from the quote desk",
            "statements.csv: %(count)d public statements from the quote desk",
            summary.get("statements", 0),
        )
        % {"count": summary.get("statements", 0)}
    )
    return tuple(lines)


def offer_archive(press_page):
    """The ``press_kit_archive`` hook: the press page's zip, or None while there is none."""
    kit = current_kit(press_page)
    if kit is None:
        return None
    return PressKitArchive(
        url=reverse("press_kit_file", kwargs={"file_name": kit.file_name}),
        size=kit.size,
        contents=contents_lines(kit.summary),
    )


@require_safe
def press_kit_file(request, file_name):
    """The zip, as an attachment, while it is the current kit of a public press page."""
    kit = PressKit.objects.select_related("press_page").filter(file_name=file_name).first()
    if kit is None or current_kit(kit.press_page) is None or not is_public_page(kit.press_page):
        raise Http404
    try:
        handle = storage().open(kit.file_name, "rb")
    except (FileNotFoundError, OSError):
        if cache.add("press-kit-requested", 1, REQUEUE_SECONDS):
            enqueue_press_kit_build()
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=kit.file_name, content_type="application/zip"
    )
    response["ETag"] = f'"{kit.sha256}"'
    response["X-Robots-Tag"] = "noindex"
    response["Surrogate-Key"] = "press-kit"
    response["Cache-Tag"] = "press-kit"
    patch_cache_control(response, public=True, max_age=MAX_AGE, s_maxage=MAX_AGE)
    conditional = get_conditional_response(request, etag=response["ETag"], response=response)
    if conditional is not response:
        handle.close()
    return conditional
