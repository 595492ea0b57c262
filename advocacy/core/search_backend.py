"""Wagtail's database search backend, with PostgreSQL's text-search configuration chosen by
language: Russian content is indexed and searched with ``russian`` (so "правозащитники" finds
"правозащитников"), English with ``english``, any other language with ``simple``.

An object is indexed with its locale's configuration; a query uses the active language's
(/ru/search/ searches Russian). Other databases get Wagtail's backend unchanged.
"""

import threading

from django.db import connection
from django.utils import translation

from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

_indexing = threading.local()


def search_config(language, configs):
    return configs.get((language or "").split("-")[0], "simple")


def SearchBackend(params):  # noqa: N802  Wagtail looks a backend up by this name
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)

    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )

    configs = params.get("SEARCH_CONFIGS", {"en": "english", "ru": "russian"})

    class LocaleIndex(PostgresIndex):
        def add_items(self, model, objs):
            groups = {}
            for obj in objs:
                locale = getattr(obj, "locale", None)
                groups.setdefault(getattr(locale, "language_code", None), []).append(obj)
            for language, group in groups.items():
                _indexing.language = language
                try:
                    super().add_items(model, group)
                finally:
                    _indexing.language = None

    class LocaleSearchBackend(PostgresSearchBackend):
        index_class = LocaleIndex

        @property
        def config(self):
            language = getattr(_indexing, "language", None) or translation.get_language()
            return search_config(language, configs)

        @config.setter
        def config(self, value):
            pass  # chosen per language (above), never fixed

    return LocaleSearchBackend(params)
