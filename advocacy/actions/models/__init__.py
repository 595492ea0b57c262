"""Calls to action (petitions and pledges, which people sign), share boxes (which they
follow), and the signatures.

A signature stores exactly what the signer typed into the form and what the site needs to
count it: the call to action, name, email (normalised), country, organisation (pledges),
whether the name may be shown, the consent text version agreed to, when it was made and
when it was confirmed, and (until it is used) a hash of its confirmation link's token.
Never an IP address, a user agent or anything else.
"""

from .call_to_action import CallToAction, ConsentVersion
from .index_page import CallsToActionIndexPage
from .public_action import PublicAction, slug_is_taken
from .share_box import ShareBox
from .signature import Signature, confirmation_window, normalise_email

__all__ = [
    "CallToAction",
    "CallsToActionIndexPage",
    "ConsentVersion",
    "PublicAction",
    "ShareBox",
    "Signature",
    "confirmation_window",
    "normalise_email",
    "slug_is_taken",
]
