from django.db import models
from django.utils.translation import gettext_lazy as _

from .report import ReportPage


class ReportDownload(models.Model):
    """A file built from a report for readers to keep: its PDF or its EPUB, in the report's
    language (each translation of a report is a page of its own, with files of its own)."""

    PDF, EPUB = "pdf", "epub"
    KIND_CHOICES = [(PDF, "PDF"), (EPUB, "EPUB")]

    report = models.ForeignKey(ReportPage, on_delete=models.CASCADE, related_name="downloads")
    kind = models.CharField(max_length=8, choices=KIND_CHOICES)
    # The name readers see and the address ends with: the report's slug, its language and
    # the first characters of the file's SHA-256, so a changed file has a new address.
    file_name = models.CharField(max_length=160, unique=True)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    # What the file was built from (revisions, settings, the builder's version): a build
    # that would read the same skips the work.
    source = models.CharField(max_length=64)
    built_at = models.DateTimeField(auto_now=True)
    build_seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("report download")
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="one_download_per_kind")
        ]

    def __str__(self):
        return self.file_name

    @property
    def label(self):
        """“PDF” or “EPUB”: the format as readers know it."""
        return dict(self.KIND_CHOICES)[self.kind]

    @property
    def content_type(self):
        return "application/pdf" if self.kind == self.PDF else "application/epub+zip"
