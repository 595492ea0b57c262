"""The editors' overview of translations: for each language other than the default, what
has been translated and how far, what is out of date with its source (the source changed
after its words were last synced: the translation is not current until someone syncs and
checks it), and what has no translation at all."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from .translation import translation_status, untranslated


def translation_status_view(request):
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    finder = AdminURLFinder(request.user)
    code = request.GET.get("locale", "")
    locales = list(Locale.objects.exclude(language_code=settings.LANGUAGE_CODE))
    locale = next((loc for loc in locales if loc.language_code == code), None) or (
        locales[0] if locales else None
    )
    rows = []
    for row in translation_status(locale):
        target = row["target"]
        rows.append(
            {
                **row,
                "edit_url": finder.get_edit_url(target) if target is not None else None,
                "source_url": finder.get_edit_url(row["source"].get_source_instance()),
            }
        )
    missing = []
    if locale is not None:
        models = [Page, *(m for m in get_snippet_models() if issubclass(m, TranslatableMixin))]
        for model in models:
            for obj in untranslated(model, locale)[:200]:
                if isinstance(obj, Page) and obj.depth <= 1:
                    continue
                missing.append(
                    {
                        "object": obj,
                        "kind": model._meta.verbose_name,
                        "edit_url": finder.get_edit_url(obj),
                    }
                )
    return TemplateResponse(
        request,
        "core/admin/translation_status.html",
        {
            "page_title": _("Translations"),
            "locales": locales,
            "locale": locale,
            "rows": rows,
            "out_of_date": [row for row in rows if row["out_of_date"]],
            "missing": missing,
        },
    )
