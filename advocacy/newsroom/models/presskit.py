"""The press kit zip a press page currently offers (built by advocacy.newsroom.presskit)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PressKit(models.Model):
    """The zip of a press page's kit as last built: its file (named by a hash of its bytes),
    size, what is in it and when it was built. Rebuilt in the background whenever the
    kit's contents change; never edited by hand."""

    press_page = models.OneToOneField(
        "people.PressPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("press page")
    )
    file_name = models.CharField(
        max_length=120,
        unique=True,
        help_text=_("The stored file, named by its content hash."),
        verbose_name=_("file name"),
    )
    sha256 = models.CharField(max_length=64, verbose_name=_("sha256"))
    size = models.PositiveBigIntegerField(help_text=_("In bytes."), verbose_name=_("size"))
    content_date = models.DateTimeField(
        help_text=_("The newest change the kit includes; every entry in the zip carries it."),
        verbose_name=_("content date"),
    )
    stale_after = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "The earliest expiry time among what the kit includes: past it, the kit is not"
            " offered until it has been rebuilt."
        ),
        verbose_name=_("stale after"),
    )
    summary = models.JSONField(
        default=dict, help_text=_("What is in the zip, counted."), verbose_name=_("summary")
    )
    built_at = models.DateTimeField(verbose_name=_("built at"))

    class Meta:
        verbose_name = _("press kit")

    def __str__(self):
        return self.file_name
