"""Demo content: the two calls to action the press release ends with.

The demands are the release's own words. The release asks (1) the authorities of the four
countries to let LGBTI groups work in safety and without discrimination, and (2) human
rights groups across the region to work alongside LGBTI rights organisations: the first
becomes a petition, the second a pledge for organisations. The goals are campaign settings
for the demo, not figures from the report. No signature is invented: counts start at zero.

Each action is published with a first revision. Idempotent: an action that exists (by slug)
is left as it is, editors' changes (and unpublishing) included. Placing them in pages is
the business of the apps that own the pages (reports/demo.py), which build on this one.
"""

from django.conf import settings
from django.db import transaction

from advocacy.core.demo import add_child_once, publish

from .models import CallsToActionIndexPage, CallToAction

COUNTRIES = ["AM", "BY", "KZ", "KG"]

PETITION = {
    "slug": "let-lgbti-groups-work-in-safety",
    "kind": CallToAction.Kind.PETITION,
    "title": "Let LGBTI groups work in safety",
    "summary": (
        "Call on the authorities of Armenia, Belarus, Kazakhstan and Kyrgyzstan to ensure that"
        " LGBTI groups can carry out their human rights work in safety and without any"
        " discrimination."
    ),
    "target": "The state authorities of Armenia, Belarus, Kazakhstan and Kyrgyzstan",
    "countries": COUNTRIES,
    "demand": (
        "State authorities in Armenia, Belarus, Kazakhstan and Kyrgyzstan must ensure that"
        " LGBTI groups can carry out their human rights work in safety and without any"
        " discrimination."
    ),
    "goal": 1000,
    "thank_you": (
        "Thank you for standing with LGBTI human rights defenders in Armenia, Belarus,"
        " Kazakhstan and Kyrgyzstan. Share this petition so that more people add their names."
    ),
    "consent_text": (
        "I agree that Amnesty International keeps my name, email address and country to count"
        " my signature on this petition. My first name and country are shown on this page only"
        " if I ticked the box to allow it. I can ask for my signature to be erased at any time."
    ),
    "show_recent_signers": True,
}

PLEDGE = {
    "slug": "work-alongside-lgbti-rights-organisations",
    "kind": CallToAction.Kind.PLEDGE,
    "title": "Work alongside LGBTI rights organisations",
    "summary": (
        "Human rights groups across the region: pledge to work alongside LGBTI rights"
        " organizations, united by the principle of the universality of human rights."
    ),
    "target": "Human rights groups across the region",
    "countries": COUNTRIES,
    "demand": (
        "Our organisation will work alongside LGBTI rights organizations, united by the"
        " principle of the universality of human rights."
    ),
    "goal": 100,
    "thank_you": (
        "Thank you for pledging to work alongside LGBTI rights organizations, united by the"
        " principle of the universality of human rights."
    ),
    "consent_text": (
        "I agree that Amnesty International keeps the organisation's name and country, and my"
        " name and email address as its contact person, to count this pledge. The"
        " organisation's name and country are shown on this page only if I ticked the box to"
        " allow it. I can ask for these details to be erased at any time."
    ),
    "show_recent_signers": True,
}


def action_once(spec):
    """The call to action with this slug, created from ``spec`` if it is missing."""
    existing = CallToAction.objects.filter(
        slug=spec["slug"], locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if existing is not None:
        return existing, False
    action = CallToAction(**spec, live=False)
    action.full_clean()
    action.save()
    publish(action)  # published with a first revision, as an editor would
    action.refresh_from_db()
    return action, True


@transaction.atomic
def build():
    """The petition and the pledge, each created if missing."""
    petition, _ = action_once(PETITION)
    pledge, _ = action_once(PLEDGE)
    return petition, pledge


# Main menu position (see advocacy.core.demo.DemoSite): after the press pages.
MENU_POSITION = 500


def build_index_page(home):
    """/act/: the index page under the home page, once, in the main menu."""
    page, _ = add_child_once(
        home,
        CallsToActionIndexPage,
        "act",
        title="Act",
        show_in_menus=True,
        intro="<p>Petitions and pledges you can sign, and ways to help.</p>",
    )
    return page
