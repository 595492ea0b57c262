from django.urls import path

from . import feeds, views

urlpatterns = [
    path("", views.quote_desk, name="quote_desk"),
    path("feed/", feeds.StatementFeed(), name="statements_feed"),
    path("statements.csv", views.statements_csv, name="statements_csv"),
    path("<int:pk>/", views.statement_detail, name="statement_detail_short"),
    path("<int:pk>-<str:slug>/", views.statement_detail, name="statement_detail"),
    path("<int:pk>/card-<str:size>.png", views.statement_card, name="statement_card"),
]
