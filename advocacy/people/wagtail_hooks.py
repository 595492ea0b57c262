from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from advocacy.core.pagecache import PURGE_URLS_HOOK

from . import demo
from .models import Person, PressPage


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "is_spokesperson"]
    list_filter = ["is_spokesperson"]
    search_fields = ["name", "role", "organisation"]


register_snippet(PersonViewSet)

# Last of the steps that add pages, so every demo page keeps the id it has always had.
hooks.register("build_demo_content", demo.build_press_page, order=450)


@hooks.register(PURGE_URLS_HOOK)
def press_page_addresses(obj):
    """A person: the press page lists the spokespeople."""
    if not isinstance(obj, Person):
        return []
    return [page.url for page in PressPage.objects.all() if page.url]
