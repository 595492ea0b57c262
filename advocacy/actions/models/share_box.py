"""Share boxes: a headline, a summary and a button to a page or another site."""

from django_countries.fields import CountryField

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.search import index

from advocacy.core.public_url import public_url
from advocacy.core.visibility import public_page_or_none
from advocacy.core.widgets import CountryCheckboxes

from .public_action import PublicAction, SlugOnCreationTitlePanel


class ShareBox(PublicAction):
    """A “share / learn more” box: it sends readers to a page or a site; nobody signs it.

    It has its own page at /act/<slug>/ (headline, summary, the button and the share
    links), because that address may already have been shared, and because a redirect to
    an editor-chosen address would turn /act/ into a way to send people anywhere.
    """

    countries = CountryField(
        multiple=True,
        blank=True,
        help_text=_("The countries it concerns (country pages list only petitions and pledges)."),
        verbose_name=_("countries"),
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The page on this site the button leads to…"),
        verbose_name=_("link page"),
    )
    link_url = models.URLField(
        blank=True,
        help_text=_("…or an address on another site (https://…)."),
        verbose_name=_("link url"),
    )
    link_text = models.CharField(
        max_length=60,
        blank=True,
        help_text=_("The button's words, e.g. “Read the report”."),
        verbose_name=_("link text"),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="share_box")

    card_template = "components/actions/share_box_card.html"

    panels = [
        SlugOnCreationTitlePanel("title", placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("summary"),
        FieldPanel("countries", widget=CountryCheckboxes),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading=_("The button"),
        ),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.FilterField("id"),
        index.FilterField("live"),
    ]

    class Meta(PublicAction.Meta):
        verbose_name = _("share box")
        verbose_name_plural = _("share boxes")
        ordering = ["-created_at", "-pk"]

    def api_representation(self, request=None):
        """What API readers need to show the box (the same shape as a call to action's)."""
        url = self.get_absolute_url()
        return {
            "id": self.pk,
            "kind": "share",
            "title": self.title,
            "summary": self.summary,
            "url": public_url(url),
            "status": "open",
            "confirmed_count": None,
            "goal": None,
        }

    def get_preview_template(self, request, mode_name):
        return "pages/actions/share_box.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(
            {
                "share_box": self,
                "share_url": public_url(self.get_absolute_url()) if self.slug else "",
                "is_preview": True,
            }
        )
        return context

    def clean(self):
        super().clean()
        if not (self.link_page_id or self.link_url):
            raise ValidationError(
                {"link_page": _("Choose a page or give an address for the button.")}
            )

    @property
    def kind_label(self):
        """What it is, in a word, for readers."""
        return _("Take action")

    @property
    def link_href(self):
        """Where the button leads (a public page first, else the URL)."""
        page = public_page_or_none(self.link_page) if self.link_page_id else None
        if page is not None:
            return page.url
        return self.link_url or None
