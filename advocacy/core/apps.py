from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide content: home page, standard pages, site settings, the site frame."""

    name = "advocacy.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.models import UploadedFile

        from .images import strip_before_save, strip_upload_before_save
        from .public_url import check_public_url

        checks.register(check_public_url, checks.Tags.security, deploy=True)

        # Every image file is re-encoded without its metadata before it is stored, whatever
        # creates it (advocacy.core.images).
        pre_save.connect(strip_before_save, sender=get_image_model(), dispatch_uid="strip-image")
        pre_save.connect(
            strip_upload_before_save, sender=UploadedFile, dispatch_uid="strip-image-upload"
        )
