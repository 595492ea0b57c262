import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from .blocks import PageBodyBlock
from .home import home_sections
from .pages import BasePage
from .sitecache import frame_memo
from .translation import localized_pages
from .visibility import is_public_page, public_page_or_none


class HomePage(BasePage):
    """The front page: a hero, an introduction and content chosen by editors, with what the
    apps offer (the report's findings, the latest statements, the open call to action)."""

    hero_heading = models.CharField(
        max_length=200,
        help_text=_("The headline in the hero; the page title is used when empty."),
        blank=True,
        verbose_name=_("hero heading"),
    )
    hero_text = models.TextField(
        blank=True,
        max_length=600,
        help_text=_("One or two sentences under the headline."),
        verbose_name=_("hero text"),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Optional photograph behind the hero; its alt text is read out."),
        verbose_name=_("hero image"),
    )
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The page the hero's button leads to, usually the report."),
        verbose_name=_("hero link"),
    )
    hero_link_text = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("The button's words, e.g. “Read the report”."),
        verbose_name=_("hero link text"),
    )
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short introduction shown under the hero."),
        verbose_name=_("intro"),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        InlinePanel("featured_items", heading=_("Featured content"), label=_("Featured page")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "pages/core/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Pages only: kept in the worker until any page changes (a new frame generation).
        items, hero_link = frame_memo(f"home-links:{self.pk}", self.linked_pages, request)
        # Whether each is public is decided now (an expiry time may have passed since).
        context["featured_items"] = [item for item in items if is_public_page(item.page)]
        context["hero_link"] = public_page_or_none(hero_link)
        context["lead_sections"], context["sections"] = home_sections(self, request)
        return context

    def linked_pages(self):
        """(featured items, hero link page): two queries, three in another language.

        A translated home page's links are its source's (page links are kept in
        translation): each points at the page's version in this page's language if live."""
        items = list(self.featured_items.select_related("page"))
        versions = localized_pages([item.page for item in items] + [self.hero_link], self.locale)
        for item in items:
            item.page = versions[item.page_id]
        return items, versions.get(self.hero_link_id)

    @property
    def og_image(self):
        return self.hero_image

    default_description = _("Reports, statements and calls to action.")

    @property
    def summary_text(self):
        return self.hero_text or self.intro


class FeaturedItem(TranslatableMixin, Orderable):
    """A page an editor puts on the home page, with an optional blurb."""

    home = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_items", verbose_name=_("home")
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page to feature."),
        verbose_name=_("page"),
    )
    blurb = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("A sentence shown on the card; the page's search description when empty."),
        verbose_name=_("blurb"),
    )

    panels = [FieldPanel("page"), FieldPanel("blurb")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")

    def __str__(self):
        return str(self.page)


class StandardPage(BasePage):
    """A plain page: about, contact, privacy."""

    standfirst = models.TextField(
        blank=True,
        max_length=600,
        help_text=_("A short summary shown under the title."),
        verbose_name=_("standfirst"),
    )
    body = StreamField(
        PageBodyBlock(),
        blank=True,
        help_text=_("The page's text and images."),
        verbose_name=_("body"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("standfirst"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]
    template = "pages/core/standard_page.html"

    class Meta:
        verbose_name = _("standard page")

    @property
    def summary_text(self):
        return self.standfirst


ONION_ADDRESS = re.compile(r"^(?:https?://)?([a-z2-7]{56}\.onion)/?$")


def validate_onion_address(value):
    """A version 3 onion service's address: 56 base32 characters then “.onion”."""
    if not ONION_ADDRESS.match(value.strip().lower()):
        raise ValidationError(
            _("Enter an onion address: 56 letters a–z and digits 2–7, then “.onion”.")
        )


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who publishes this site, how the press reaches it, what the footer says."""

    organisation_name = models.CharField(
        max_length=200,
        default="Amnesty International",
        help_text=_("The publisher's name, shown in the header, footer and metadata."),
        verbose_name=_("organisation name"),
    )
    press_contact_name = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The press office or person journalists contact."),
        verbose_name=_("press contact name"),
    )
    press_email = models.EmailField(
        blank=True, help_text=_("The press office's email address."), verbose_name=_("press email")
    )
    press_phone = models.CharField(
        max_length=50,
        blank=True,
        help_text=_("Phone number in international format."),
        verbose_name=_("press phone"),
    )
    mastodon_url = models.URLField(
        blank=True, help_text=_("Full URL of the Mastodon profile."), verbose_name=_("mastodon url")
    )
    bluesky_url = models.URLField(
        blank=True, help_text=_("Full URL of the Bluesky profile."), verbose_name=_("bluesky url")
    )
    x_url = models.URLField(
        blank=True, help_text=_("Full URL of the X (Twitter) profile."), verbose_name=_("x url")
    )
    facebook_url = models.URLField(
        blank=True, help_text=_("Full URL of the Facebook page."), verbose_name=_("facebook url")
    )
    footer_text = models.TextField(
        blank=True,
        max_length=500,
        help_text=_("A line or two shown in every page's footer."),
        verbose_name=_("footer text"),
    )
    onion_address = models.CharField(
        max_length=100,
        blank=True,
        validators=[validate_onion_address],
        help_text=_(
            "The site's Tor onion service, e.g. http://…56 letters and digits….onion. Tor"
            " Browser then offers readers the onion address of each page they open."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Linked from every page's footer. Untick “Show in menus” on it (Promote tab) to"
            " keep it out of the main menu."
        ),
        verbose_name=_("privacy page"),
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("press_contact_name"),
                FieldPanel("press_email"),
                FieldPanel("press_phone"),
            ],
            heading=_("Press contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("x_url"),
                FieldPanel("facebook_url"),
            ],
            heading=_("Social media"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("privacy_page"),
        FieldPanel("onion_address"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def __str__(self):
        return self.organisation_name

    @classmethod
    def for_request(cls, request):
        """The request's site settings, from its site frame (advocacy.core.sitecache) when
        it has one: no query; saving the settings renews the frame."""
        attr_name = cls.get_cache_attr_name()
        frame = getattr(request, "_site_frame", None)
        if not hasattr(request, attr_name) and frame is not None and frame.settings is not None:
            site_settings = frame.settings
            site_settings._request = request
            setattr(request, attr_name, site_settings)
        return super().for_request(request)

    def clean(self):
        super().clean()
        self.onion_address = self.onion_origin or self.onion_address.strip()

    @property
    def onion_origin(self):
        """“http://….onion”, or "" when the site has no onion service."""
        match = ONION_ADDRESS.match((self.onion_address or "").strip().lower())
        if not match:
            return ""
        scheme = "https" if self.onion_address.strip().lower().startswith("https") else "http"
        return f"{scheme}://{match.group(1)}"

    @property
    def has_press_contact(self):
        """Whether journalists have a way to reach the press office: an email address or
        a phone number. A name alone is no contact, and public pages then show none."""
        return bool(self.press_email or self.press_phone)

    @property
    def press_contact_label(self):
        """Who journalists reach: the press office's name, else the publisher's."""
        return self.press_contact_name or self.organisation_name

    @property
    def social_links(self):
        """(label, url) pairs for the profiles that are filled in, in a fixed order."""
        pairs = [
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("X", self.x_url),
            ("Facebook", self.facebook_url),
        ]
        return [(label, url) for label, url in pairs if url]


class ImageSafety(models.Model):
    """What an editor has checked about an image before it is published or handed to the press:
    its caption and credit, whether anyone could be recognised in it, and whether the people
    it names or shows have consented. One record per image, kept beside Wagtail's own image
    model (whose foreign keys stay as they are)."""

    image = models.OneToOneField(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        related_name="safety",
        verbose_name=_("image"),
    )
    caption = models.TextField(
        blank=True,
        max_length=1000,
        help_text=_("What the image shows, as readers will see it beside the image."),
        verbose_name=_("caption"),
    )
    credit = models.CharField(
        blank=True,
        max_length=255,
        help_text=_("Who took or made the image, as it must be credited (e.g. “© Jane Doe”)."),
        verbose_name=_("credit"),
    )
    face_free = models.BooleanField(
        default=False,
        help_text=_("Tick only after checking that no face or other identifying feature shows."),
        verbose_name=_("face free"),
    )
    consent_noted = models.BooleanField(
        default=False,
        help_text=_(
            "Tick when everyone the caption names or the image shows has consented to"
            " publication; say how in the consent note."
        ),
        verbose_name=_("consent noted"),
    )
    consent_note = models.TextField(
        blank=True,
        max_length=1000,
        help_text=_("How and when consent was given (kept in the admin, never published)."),
        verbose_name=_("consent note"),
    )
    in_press_kit = models.BooleanField(
        default=False,
        help_text=_("Offer this image, with its credit, in the press kit on the press page."),
        verbose_name=_("in press kit"),
    )

    class Meta:
        verbose_name = _("image safety record")

    def __str__(self):
        return str(self.image)
