"""Demo content for the press page: its intro; the contacts come from the site settings,
the spokespeople from the people the quote desk's demo step creates, the press kit's
publications from the apps that offer them (``register_press_kit_entries``)."""

from advocacy.core.demo import add_child_once

from .models import PressPage

# In the main menu after the report, the countries and the press releases.
MENU_POSITION = 400


def build_press_page(demo):
    """The press page under the home page, once; placed in the menu."""
    page, _ = add_child_once(
        demo.home,
        PressPage,
        "press",
        title="Press",
        show_in_menus=True,
        intro=(
            "<p>For journalists covering the report: who to contact, who gives interviews,"
            " and the material you may use.</p>"
        ),
    )
    demo.place_in_menu(MENU_POSITION, page)
    return page
