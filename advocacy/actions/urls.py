"""Public URLs of calls to action (inside i18n_patterns: /act/…, /ru/act/…)."""

from django.urls import path

from . import views

app_name = "actions"

urlpatterns = [
    path("", views.index, name="index"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/check-your-email/", views.check_email, name="check_email"),
]
