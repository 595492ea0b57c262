"""The footer's promise (no analytics, nothing from third parties) is the site's own
sentence, in the reader's language: it was a site setting the demo filled in English, so
the Russian pages showed it in English."""

import pytest

from django.core.management import call_command

from tests.html import text

pytestmark = pytest.mark.django_db

ENGLISH = "This site collects no analytics and loads nothing from third parties."
RUSSIAN = "Этот сайт не собирает аналитику и ничего не загружает со сторонних серверов."


def test_the_footer_says_it_once_in_the_readers_language(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", verbosity=0)

    english = text(client.get("/"), "footer")
    russian = text(client.get("/ru/"), "footer")

    assert english.count(ENGLISH) == 1
    assert RUSSIAN in russian
    assert ENGLISH not in russian
