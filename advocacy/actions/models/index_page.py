"""The calls-to-action index page: /act/ and every address under it (a petition's or a
share box's page, "check your email", the confirmation link)."""

from http import HTTPMethod

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.search import index

from advocacy.core.listings import ListingPageMixin
from advocacy.core.pages import BasePage


class CallsToActionIndexPage(ListingPageMixin, BasePage):
    """The list of petitions, pledges and share boxes, and the pages to sign and confirm
    them. One per home page."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A sentence or two under the title: what readers can do here."),
        verbose_name=_("intro"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/actions/index.html"
    # The sign and confirm forms post; each view says which methods it takes.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.POST]
    # Where links to calls to action point while no index page is live (see core.listings).
    fallback_slug = "act"
    # Its routes keep the names they had as Django URLs: listing_url("actions:detail", slug).
    route_namespace = "actions"

    class Meta:
        verbose_name = _("calls-to-action index page")

    default_description = _("Petitions and pledges you can sign, and ways to help.")

    @property
    def summary_text(self):
        return self.intro

    # The views are imported when called: they import the models.
    @path("", name="index")
    def index(self, request):
        from ..views import index

        return index(request, self)

    @path("confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from ..views import confirm

        return confirm(request, token)

    @path("<slug:slug>/", name="detail")
    def detail(self, request, slug):
        from ..views import detail

        return detail(request, slug)

    @path("<slug:slug>/check-your-email/", name="check_email")
    def check_email(self, request, slug):
        from ..views import check_email

        return check_email(request, slug)
