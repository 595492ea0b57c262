"""Rebuild the press kit when anything it holds may have changed (connected in
NewsroomConfig.ready). Receivers only schedule; the rules live in builder.py.

A build that finds nothing changed writes nothing, so these listen broadly: any page
published, unpublished or deleted (a release, the press page, the report, a statement's
source page), a statement published or unpublished, a view restriction on a page or a
collection, an image's safety record, the site settings (the press contact in README.txt),
a person (the CSV prints speakers' names).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, published, unpublished

from advocacy.core.models import ImageSafety, SiteSettings
from advocacy.newsroom.models import PressKit
from advocacy.people.models import Person, PressKitImage
from advocacy.statements.models import Statement

from .builder import delete_file_unless_current
from .tasks import enqueue_press_kit_build


def rebuild(sender, raw=False, **kwargs):
    if not raw:  # not while loading fixtures
        enqueue_press_kit_build()


page_published.connect(rebuild, dispatch_uid="press_kit_page_published")
page_unpublished.connect(rebuild, dispatch_uid="press_kit_page_unpublished")
post_delete.connect(rebuild, sender=Page, dispatch_uid="press_kit_page_deleted")
published.connect(rebuild, sender=Statement, dispatch_uid="press_kit_statement_published")
unpublished.connect(rebuild, sender=Statement, dispatch_uid="press_kit_statement_unpublished")
post_delete.connect(rebuild, sender=Statement, dispatch_uid="press_kit_statement_deleted")
for model in (PageViewRestriction, CollectionViewRestriction, ImageSafety, PressKitImage):
    post_save.connect(rebuild, sender=model, dispatch_uid=f"press_kit_{model.__name__}_saved")
    post_delete.connect(rebuild, sender=model, dispatch_uid=f"press_kit_{model.__name__}_gone")
post_save.connect(rebuild, sender=SiteSettings, dispatch_uid="press_kit_site_settings")
post_save.connect(rebuild, sender=Person, dispatch_uid="press_kit_person")


@receiver(post_delete, sender=PressKit, dispatch_uid="press_kit_file_deleted")
def press_kit_deleted(sender, instance, **kwargs):
    """A kit's record gone (its press page deleted): its file goes too, once committed."""
    from django.db import transaction

    name = instance.file_name
    transaction.on_commit(lambda: delete_file_unless_current(name), robust=True)
