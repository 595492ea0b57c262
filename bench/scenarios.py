"""What the benchmark measures: (label, path, prepare(size)) with growing sizes."""

from django.core.management import call_command

from advocacy.core.factories import FeaturedItemFactory, StandardPageFactory
from advocacy.core.models import FeaturedItem, HomePage

SIZES = (1, 10, 50)
_demo_loaded = False


def ensure_demo():
    global _demo_loaded
    if not _demo_loaded:
        call_command("load_demo_content", verbosity=0)
        _demo_loaded = True
    return HomePage.objects.get()


def home_with_featured(size):
    home = ensure_demo()
    FeaturedItem.objects.filter(home=home).delete()
    for _ in range(size):
        FeaturedItemFactory(home=home, page=StandardPageFactory(parent=home, show_in_menus=True))


SCENARIOS = [
    ("home (featured + menu pages)", "/", home_with_featured),
]
