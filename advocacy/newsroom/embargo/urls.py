"""/embargo/<token>/ and, for anything else under /embargo/, the same 404."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("<str:token>/", views.embargoed_preview, name="embargo_preview"),
    re_path(r"^(?P<rest>.*)\Z", views.no_such_link),
]
