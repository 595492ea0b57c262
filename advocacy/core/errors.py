"""The self-contained error pages (500, 503, an expired form) in the reader's language.

They render with no database and no site frame, and an error can strike before (or without)
the locale middleware having run for this request, so the language is read again here from
the address alone: /ru/… is Russian, anything else the default language.
"""

from django.conf import settings
from django.http import HttpResponseForbidden, HttpResponseServerError
from django.template.loader import render_to_string
from django.utils import translation


def language_of(request):
    """The language the address names (/ru/… → "ru"), else the site's default language."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def render_error_page(request, template_name):
    """The error page's HTML in the language of the address asked for."""
    language = language_of(request)
    home_url = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    with translation.override(language):
        return render_to_string(template_name, {"home_url": home_url})


def server_error(request):
    """handler500: Django's plain 500 page, in the address's language."""
    return HttpResponseServerError(render_error_page(request, "500.html"))


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: "this form has expired", in the address's language. The reason
    (a technical detail) is not shown to readers."""
    return HttpResponseForbidden(render_error_page(request, "403_csrf.html"))
