#!/usr/bin/env python
"""Run inside one checkout (its folder as the working directory) by bench/launch.py:

    python bench/checkout_pages.py paths      the benchmark's pages on the demo site, as JSON
    python bench/checkout_pages.py queries P  database queries to render each path P (JSON)

It imports the checkout it runs in, so the same script measures the code before the change
and after it. The database and settings come from the environment (DATABASE_URL,
DJANGO_SETTINGS_MODULE)."""

import json
import os
import sys

sys.path.insert(0, os.getcwd())

import django  # noqa: E402

django.setup()


def paths():
    from wagtail.models import Page

    from advocacy.statements.models import Statement

    def first(model_name):
        model = next(m for m in django.apps.apps.get_models() if m.__name__ == model_name)
        return model.objects.live().public().order_by("path").first()

    report = first("ReportPage")
    chapter = Page.objects.child_of(report).live().public().order_by("path").first()
    countries = [p for p in [first("CountryPage")] if p]
    belarus = next(
        (
            p
            for p in Page.objects.live().public().filter(slug="belarus")
            if p.url.startswith("/countries/")
        ),
        countries[0],
    )
    statement = Statement.objects.published().order_by("pk").first()
    return {
        "home": "/",
        "report": report.url,
        "chapter": chapter.url,
        "whole report": report.url + "all/",
        "press release": first("PressReleasePage").url,
        "country": belarus.url,
        "quote desk": first("QuoteDeskPage").url,
        "statement": statement.get_absolute_url(),
    }


def queries(targets):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in targets:
        client.get(path)  # warm what a running site keeps warm (settings, menus)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, HTTP_CACHE_CONTROL="no-cache")
        assert response.status_code == 200, (path, response.status_code)
        counts[path] = len(captured)
    return counts


if __name__ == "__main__":
    if sys.argv[1] == "paths":
        print(json.dumps(paths()))
    elif sys.argv[1] == "queries":
        print(json.dumps(queries(sys.argv[2:])))
