"""The admin for calls to action, one module per concern.

* ``calls_to_action``: petitions and pledges, with counts, closing early and deleting only
  those nobody signed (the usual snippet permissions);
* ``share_boxes``: share / learn-more boxes (the usual snippet permissions);
* ``signatures``: the signature list and its CSV export ("Can view signature", "Can export
  signatures to CSV");
* ``erasure``: erasing a signer on request ("Can delete signature");
* ``dashboard``: the dashboard panel of signatures confirmed today and this week.

``wagtail_hooks`` registers them as one *Calls to action* menu.
"""

from django.utils.translation import gettext_lazy

from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .calls_to_action import CallToActionViewSet
from .erasure import EraseSignerViewSet
from .share_boxes import ShareBoxViewSet
from .signatures import SignatureViewSet


class CallsToActionGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Calls to action")
    menu_icon = "pick"
    menu_order = 250
    items = (CallToActionViewSet, ShareBoxViewSet, SignatureViewSet, EraseSignerViewSet)
