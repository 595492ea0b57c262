from django.conf import global_settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from advocacy.core.choices import ChoiceLabelsMixin
from advocacy.core.pages import BasePage
from advocacy.core.translation import localized

from .presskit import press_kit_archive, press_kit_entries

# The site's languages (English, Russian), then the region's (Armenian, Belarusian, Kazakh,
# Kyrgyz): offered first wherever a language is chosen, so editors need not scroll past
# Afrikaans for them.
FIRST_LANGUAGES = ["en", "ru", "hy", "be", "kk", "ky"]

# Every language Django knows by name (interview languages are not limited to the site's):
# the first ones above, then the rest by name. The names are Django's own, translated by its
# catalogs when shown ("Russian" reads "русский" on the Russian site).
LANGUAGE_CHOICES = [
    (code, _(name))
    for code, name in [
        *(
            (code, name)
            for code in FIRST_LANGUAGES
            for c, name in global_settings.LANGUAGES
            if c == code
        ),
        *sorted(
            (
                (code, name)
                for code, name in global_settings.LANGUAGES
                if code not in FIRST_LANGUAGES
            ),
            key=lambda pair: pair[1],
        ),
    ]
]


class Person(TranslatableMixin, index.Indexed, ClusterableModel):
    """Someone the site quotes: a spokesperson, or a person mentioned in the report."""

    name = models.CharField(
        max_length=200, help_text=_("Full name as it should be printed."), verbose_name=_("name")
    )
    role = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Current job title, e.g. “Deputy Director for Europe and Central Asia”."),
        verbose_name=_("role"),
    )
    organisation = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("e.g. “Amnesty International”."),
        verbose_name=_("organisation"),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("A portrait cleared for press use."),
        verbose_name=_("photo"),
    )
    photo_credit = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Who took the photo."),
        verbose_name=_("photo credit"),
    )
    bio = models.TextField(
        blank=True, max_length=1000, help_text=_("Two or three sentences."), verbose_name=_("bio")
    )
    is_spokesperson = models.BooleanField(
        default=False,
        help_text=_("Listed on the press page (it says nothing of interviews unless told below)."),
        verbose_name=_("is spokesperson"),
    )
    interview_availability = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Only once agreed with them, e.g. “Available for interview from 28 November”. Left"
            " empty, the press page says nothing about interviews, nor about their languages."
        ),
        verbose_name=_("interview availability"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_credit")], heading=_("Photo")),
        FieldPanel("bio"),
        FieldPanel("is_spokesperson"),
        FieldPanel("interview_availability"),
        InlinePanel(
            "languages",
            heading=_("Gives interviews in"),
            label=_("Language"),
            help_text=_("Shown only with an interview availability above."),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        unique_together = [("translation_key", "locale")]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    @property
    def role_line(self):
        """“Role at Organisation”, or whichever of the two is known."""
        if self.role and self.organisation:
            return gettext("{role} at {organisation}").format(
                role=self.role, organisation=self.organisation
            )
        return self.role or self.organisation


class PersonLanguage(ChoiceLabelsMixin, models.Model):
    """A language someone gives interviews in."""

    person = ParentalKey(
        Person, on_delete=models.CASCADE, related_name="languages", verbose_name=_("person")
    )
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES, verbose_name=_("language"))

    panels = [FieldPanel("language")]

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "language"], name="one_row_per_language")
        ]

    def __str__(self):
        return self.get_language_display()


class PressPage(BasePage):
    """For journalists: who to contact, who gives interviews, and the press kit."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the contacts."),
        verbose_name=_("intro"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("kit_images", heading=_("Press kit images"), label=_("Image")),
    ]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/people/press_page.html"

    class Meta:
        verbose_name = _("press page")

    default_description = _(
        "For journalists: press contacts, spokespeople who give interviews and the press kit."
    )

    @property
    def summary_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["spokespeople"] = localized(
            Person.objects.filter(is_spokesperson=True), self.locale
        ).prefetch_related("languages")
        context["kit_images"] = list(self.kit_images.select_related("image"))
        # The publications (the report and its PDF) come from the apps that own them.
        context["kit_entries"] = press_kit_entries(self)
        # The whole kit as one zip, built in the background whenever its contents change.
        context["kit_archive"] = press_kit_archive(self)
        return context


class PressKitImage(Orderable):
    """An image approved for press use, with its credit and licence."""

    page = ParentalKey(
        PressPage, on_delete=models.CASCADE, related_name="kit_images", verbose_name=_("page")
    )
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(max_length=255, blank=True, verbose_name=_("caption"))
    credit = models.CharField(
        max_length=200, help_text=_("e.g. “© Photographer / Amnesty”."), verbose_name=_("credit")
    )
    licence = models.CharField(
        max_length=200,
        help_text=_("The terms of use, e.g. “Editorial use with credit only”."),
        verbose_name=_("licence"),
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("caption"),
        FieldPanel("credit"),
        FieldPanel("licence"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("press kit image")
        verbose_name_plural = _("press kit images")

    def __str__(self):
        return self.caption or str(self.image)
