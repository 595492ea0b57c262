"""The publications the press kit offers, registered by the apps that own them.

The report lives in an app above people, so the press page cannot name it: an app offers its
publications with the ``register_press_kit_entries`` hook (in its ``wagtail_hooks.py``), a
function called with the press page that returns ``PressKitEntry`` items the public may see.
The newsroom offers the whole kit as one zip the same way (``press_kit_archive``).
"""

from dataclasses import dataclass

from wagtail import hooks
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page

PRESS_KIT_HOOK = "register_press_kit_entries"


@dataclass(frozen=True)
class PressKitEntry:
    """A publication in the press kit: its public page and, once public, its file."""

    page: Page
    title: str
    document: AbstractDocument | None = None


def press_kit_entries(press_page):
    """Every registered app's entries for this press page, in hook order."""
    return [entry for offer in hooks.get_hooks(PRESS_KIT_HOOK) for entry in offer(press_page)]


# The press kit as one download (a zip), offered by the app that builds it: a function
# called with the press page that returns a ``PressKitArchive``, or None while there is no
# file to offer (the press page then shows no download rather than a broken link).
PRESS_KIT_ARCHIVE_HOOK = "press_kit_archive"


@dataclass(frozen=True)
class PressKitArchive:
    """The whole press kit as one file: its address, its size in bytes and, line by line,
    what is in it."""

    url: str
    size: int
    contents: tuple[str, ...] = ()


def press_kit_archive(press_page):
    """The first archive a registered app offers for this press page, or None."""
    for offer in hooks.get_hooks(PRESS_KIT_ARCHIVE_HOOK):
        archive = offer(press_page)
        if archive is not None:
            return archive
    return None
