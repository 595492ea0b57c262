"""What the home page shows from the apps above core: the report's findings, the latest
statements, the open call to action.

Core may not name those apps (the layer rule), so each offers its part with the
``home_page_sections`` hook (in its ``wagtail_hooks.py``): a function called with the home
page and the request that returns a ``HomeSection``, or None when it has nothing public to
show. Wagtail sorts the hooks by ``order``, which is the sections' order on the page. Each
section renders its own template, so the home page's template knows none of their fields.
"""

from dataclasses import dataclass

from wagtail import hooks

HOME_SECTIONS_HOOK = "home_page_sections"


@dataclass(frozen=True)
class HomeSection:
    """A rendered part of the home page. ``lead`` sections stand beside the headline, in
    the first screen a reader sees; the others follow the introduction."""

    html: str
    lead: bool = False


def home_sections(home, request):
    """Every registered app's section for this home page, in hook order: (lead, others)."""
    sections = [
        section
        for offer in hooks.get_hooks(HOME_SECTIONS_HOOK)
        if (section := offer(home, request)) is not None
    ]
    return (
        [section for section in sections if section.lead],
        [section for section in sections if not section.lead],
    )
