"""The publications the press kit offers, registered by the apps that own them.

The report lives in an app above people, so the press page cannot name it: an app offers its
publications with the ``register_press_kit_entries`` hook (in its ``wagtail_hooks.py``), a
function called with the press page that returns ``PressKitEntry`` items the public may see.
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
