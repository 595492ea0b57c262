"""The editors' side of embargo links: a screen per page or statement (make a link, see
its links, revoke one), a screen listing every link, and the hooks that lead to them from a
page's or a statement's edit view and from the admin menu."""

import secrets

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateTimeInput, Button
from wagtail.models import Page
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem

from advocacy.core import textsafety
from advocacy.core.public_url import public_url
from advocacy.statements.models import Statement

from ..models import EmbargoLink
from . import services

# Larger ids than a database key holds are simply "not found".
MAX_ID = 2**63 - 1
KINDS = {"pages": Page, "statements": Statement}


def kind_of(obj):
    return "pages" if isinstance(obj, Page) else "statements"


def links_url(obj):
    return reverse("embargo_links:object", args=[kind_of(obj), obj.pk])


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(Statement.snippet_viewset.get_url_name("edit"), args=[obj.pk])


def may_use_embargo_links(user):
    return user_has_any_page_permission(user) or user.has_perm("statements.change_statement")


def private_admin_page(response):
    """A screen that shows a link's address once is kept by no cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    return response


class EmbargoLinkForm(forms.Form):
    # A key per form shown: sending the same form twice (reloading the page that showed
    # the address) makes no second link. See OnceKeys.
    once = forms.CharField(widget=forms.HiddenInput, max_length=64)
    journalist_name = forms.CharField(
        label=gettext_lazy("Journalist's name"), max_length=textsafety.NAME_MAX_LENGTH
    )
    outlet = forms.CharField(
        label=gettext_lazy("Outlet"),
        max_length=textsafety.ORGANISATION_MAX_LENGTH,
        required=False,
        help_text=gettext_lazy("The newspaper, broadcaster or agency they write for."),
    )
    email = forms.EmailField(
        label=gettext_lazy("Email"),
        max_length=textsafety.EMAIL_MAX_LENGTH,
        required=False,
        help_text=gettext_lazy(
            "A label only, to tell links apart. The site sends nothing: copy the link and"
            " send it yourself."
        ),
    )
    expires_at = forms.DateTimeField(
        label=gettext_lazy("Link stops working at"),
        widget=AdminDateTimeInput,
        help_text=gettext_lazy("At most 90 days from now. Suggested: the go-live time."),
    )

    def _clean_label(self, name):
        value = " ".join(self.cleaned_data.get(name, "").split())
        if textsafety.has_control(value) or textsafety.has_reordering_or_hidden(value):
            raise ValidationError(_("Use plain letters: this holds hidden or control characters."))
        return value

    def clean_journalist_name(self):
        value = self._clean_label("journalist_name")
        if not value:
            raise ValidationError(_("Give the journalist's name."))
        return value

    def clean_outlet(self):
        return self._clean_label("outlet")

    def clean_expires_at(self):
        expires_at = self.cleaned_data["expires_at"]
        now = timezone.now()
        if expires_at <= now:
            raise ValidationError(_("Choose a time in the future."))
        if expires_at > now + services.MAX_LIFETIME:
            raise ValidationError(_("A link can last at most 90 days."))
        return expires_at


class OnceKeys:
    """The keys of link forms already sent, in the editor's session (the last 50)."""

    SESSION_KEY = "newsroom.embargo_forms_sent"
    KEEP = 50

    def __init__(self, request):
        self.session = request.session

    def new(self):
        return secrets.token_urlsafe(16)

    def was_used(self, key):
        return key in self.session.get(self.SESSION_KEY, [])

    def use(self, key):
        self.session[self.SESSION_KEY] = [*self.session.get(self.SESSION_KEY, []), key][
            -self.KEEP :
        ]


def blank_form(request, obj):
    return EmbargoLinkForm(
        initial={"expires_at": services.default_expiry(obj), "once": OnceKeys(request).new()}
    )


class ObjectLinksView(WagtailAdminTemplateMixin, TemplateView):
    """One page's or statement's links: make one, see who has one, revoke one."""

    template_name = "newsroom/admin/embargo_links_for_object.html"
    header_icon = "link"
    page_title = gettext_lazy("Embargo links")

    def dispatch(self, request, kind, pk):
        model = KINDS.get(kind)
        if model is None or pk > MAX_ID:
            raise Http404
        obj = model.objects.filter(pk=pk).first()
        if obj is None:
            raise Http404
        self.object = obj.specific if isinstance(obj, Page) else obj
        if not services.can_share(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, kind, pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("embargo_links:index"), "label": _("Embargo links")},
            {"url": "", "label": str(self.object)},
        ]

    @cached_property
    def revision(self):
        return services.revision_to_share(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        links = list(EmbargoLink.objects.for_object(obj).with_views().select_related("created_by"))
        context.update(
            {
                "object": obj,
                "status": obj.status_string,
                "revision": self.revision,
                "scheduled": obj.scheduled_revision,
                "edit_url": edit_url(obj),
                "links": links,
                "link_rows": [(link, None) for link in links],
                "now": timezone.now(),
            }
        )
        context.setdefault("form", blank_form(self.request, obj))
        return context

    def get(self, request, *args, **kwargs):
        return private_admin_page(super().get(request, *args, **kwargs))

    def post(self, request, *args, **kwargs):
        form = EmbargoLinkForm(request.POST)
        once = OnceKeys(request)
        if form.is_valid():
            if once.was_used(form.cleaned_data["once"]):
                messages.warning(
                    request,
                    _(
                        "That form was sent already: its link is in the list below (no second"
                        " one was made)."
                    ),
                )
                return redirect(links_url(self.object))
            labels = {k: v for k, v in form.cleaned_data.items() if k != "once"}
            try:
                link, token = services.create_link(self.object, request.user, **labels)
            except services.NothingToShare:
                form.add_error(
                    None,
                    _("This is public as it stands: there is no unpublished version to share."),
                )
            else:
                once.use(form.cleaned_data["once"])
                # On the public address: the journalist opens it there, not on the host the
                # editor's admin happens to be reached by.
                address = public_url(reverse("embargo_preview", kwargs={"token": token}))
                # Shown on this response only: the address is not stored, so it cannot be
                # shown again. The editor copies it now.
                context = self.get_context_data(
                    created=link, address=address, form=blank_form(request, self.object)
                )
                return private_admin_page(self.render_to_response(context))
        return private_admin_page(self.render_to_response(self.get_context_data(form=form)))


class IndexView(WagtailAdminTemplateMixin, TemplateView):
    """Every embargo link the editor may manage, newest first."""

    template_name = "newsroom/admin/embargo_links_index.html"
    header_icon = "link"
    page_title = gettext_lazy("Embargo links")

    def dispatch(self, request, *args, **kwargs):
        if not may_use_embargo_links(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for link in EmbargoLink.objects.with_views().select_related("created_by")[:500]:
            obj = link.content_object
            if obj is None:
                if self.request.user.is_superuser:
                    rows.append((link, None))
                continue
            if services.can_share(self.request.user, obj):
                rows.append((link, links_url(obj)))
        context["rows"] = rows
        return context


@require_POST
def revoke(request, pk):
    """Stop one link now (POST, with the admin's CSRF token)."""
    link = EmbargoLink.objects.filter(pk=min(pk, MAX_ID)).first()
    if link is None:
        raise Http404
    obj = link.content_object
    allowed = (
        services.can_share(request.user, obj) if obj is not None else request.user.is_superuser
    )
    if not allowed:
        raise PermissionDenied
    if services.revoke_link(link, request.user):
        messages.success(
            request,
            _("The link for %(name)s no longer works.") % {"name": link.journalist_name},
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = links_url(obj) if obj is not None else reverse("embargo_links:index")
    return redirect(next_url)


class EmbargoLinksViewSet(ViewSet):
    name = "embargo_links"
    url_prefix = "embargo-links"
    icon = "link"
    menu_label = gettext_lazy("Embargo links")
    menu_order = 250
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [
            path("", IndexView.as_view(), name="index"),
            path("revoke/<int:pk>/", revoke, name="revoke"),
            path("<str:kind>/<int:pk>/", ObjectLinksView.as_view(), name="object"),
        ]

    @cached_property
    def menu_item_class(self):
        class EmbargoLinksMenuItem(AdminMenuItem):
            def is_shown(self, request):
                return may_use_embargo_links(request.user)

        return EmbargoLinksMenuItem


viewset = EmbargoLinksViewSet()
LABEL = gettext_lazy("Embargo links for journalists")


class PageEmbargoMenuItem(PageActionMenuItem):
    """In a page's Save/Publish menu: the page's embargo links."""

    label = LABEL
    name = "action-embargo-links"
    icon_name = "link"

    def is_shown(self, context):
        return context["view"] == "edit" and services.can_share(
            context["request"].user, context["page"]
        )

    def get_url(self, context):
        return links_url(context["page"])


class StatementEmbargoMenuItem(SnippetActionMenuItem):
    """In a statement's Save/Publish menu: its embargo links."""

    label = LABEL
    name = "action-embargo-links"
    icon_name = "link"

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context["view"] == "edit"
            and isinstance(instance, Statement)
            and services.can_share(context["request"].user, instance)
        )

    def get_url(self, context):
        return links_url(context["instance"])


def register():
    """Called from advocacy/newsroom/wagtail_hooks.py."""
    hooks.register("register_admin_viewset", lambda: viewset)
    hooks.register("register_page_action_menu_item", lambda: PageEmbargoMenuItem(order=90))

    @hooks.register("register_snippet_action_menu_item")
    def statement_menu_item(model):
        return StatementEmbargoMenuItem(order=90) if model is Statement else None

    @hooks.register("register_page_header_buttons")
    def page_header_button(page, user, view_name, next_url=None):
        if view_name == "edit" and services.can_share(user, page):
            yield Button(LABEL, url=links_url(page), icon_name="link", priority=55)

    @hooks.register("register_log_actions")
    def log_actions(actions):
        actions.register_action(
            "newsroom.embargo_link_create",
            gettext_lazy("Embargo link made"),
            gettext_lazy("Embargo link made for a journalist"),
        )
        actions.register_action(
            "newsroom.embargo_link_revoke",
            gettext_lazy("Embargo link revoked"),
            gettext_lazy("Embargo link revoked"),
        )
