"""Erasing a signer on their request: every signature of an address, with "Can delete
signature" (actions.delete_signature)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import log

from .. import queries, services
from ..models import CallToAction


class EraseSignerForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        max_length=254,
        help_text=gettext_lazy(
            "The address of the person who asked. Every signature it made, on every call to"
            " action, is deleted; confirmed ones leave the counts."
        ),
    )


class EraseSignerView(WagtailAdminTemplateMixin, FormView):
    """Find every signature of an address, then erase them all (on the signer's request)."""

    template_name = "actions/admin/erase_signer.html"
    form_class = EraseSignerForm
    page_title = gettext_lazy("Erase a signer")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("actions.delete_signature"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if "erase" not in self.request.POST:
            return self.render_to_response(
                self.get_context_data(
                    form=form, found=queries.find_signer(email), searched=True, email=email
                )
            )
        result = services.erase_signer(email)
        # The audit log says who erased how many, never whose signature it was.
        for action in CallToAction.objects.filter(pk__in=result.by_call_to_action):
            log(
                action,
                "actions.erase_signer",
                user=self.request.user,
                data={"erased": result.by_call_to_action[action.pk]},
            )
        if result.erased:
            messages.success(
                self.request,
                _("Erased %(count)s signature(s) of that address.") % {"count": result.erased},
            )
        else:
            messages.warning(self.request, _("No signature uses that address."))
        return redirect("erase-signer:index")


class EraseSignerViewSet(ViewSet):
    name = "erase-signer"
    icon = "bin"
    menu_label = gettext_lazy("Erase a signer")

    def get_urlpatterns(self):
        return [path("", EraseSignerView.as_view(), name="index")]

    @cached_property
    def menu_item_class(self):
        class EraseSignerMenuItem(AdminMenuItem):
            def is_shown(self, request):
                return request.user.has_perm("actions.delete_signature")

        return EraseSignerMenuItem
