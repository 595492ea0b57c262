"""Adding a locale is a settings change plus translations: with the values of
advocacy.settings.test_more_languages (Armenian added), the switcher offers Armenian, a page
translated into it gets hreflang alternates, and an untranslated page says so."""

import re

import pytest

from django.test import override_settings

from wagtail.models import Locale

from advocacy.core.demo import translate_one
from advocacy.settings import test_more_languages as more
from countries.models import CountryPage

MORE_LANGUAGES = override_settings(
    LANGUAGES=more.LANGUAGES,
    WAGTAIL_CONTENT_LANGUAGES=more.WAGTAIL_CONTENT_LANGUAGES,
    WAGTAILADMIN_PERMITTED_LANGUAGES=more.WAGTAILADMIN_PERMITTED_LANGUAGES,
)


def switcher(body):
    return re.search(r'<nav class="language-switcher".*?</nav>', body, re.S).group(0)


@pytest.mark.django_db
def test_one_more_locale_appears_without_code_changes(client, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    with MORE_LANGUAGES:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_demo_content")
            armenian, _ = Locale.objects.get_or_create(language_code="hy")
            # Armenia's page (with its parents), translated the same way as the Russian demo.
            armenia = CountryPage.objects.get(slug="armenia", locale__language_code="en")
            for page in armenia.get_ancestors(inclusive=True).filter(depth__gt=1):
                translate_one(page.specific, armenian, {"Armenia": "Հայաստան"})
        assert CountryPage.objects.filter(locale__language_code="hy", slug="armenia").exists()

        body = client.get(armenia.url).content.decode()
        links = switcher(body)
        assert 'hreflang="hy"' in links and 'hreflang="ru"' in links
        assert re.search(r'hreflang="hy" href="http://[^/"]+/hy/countries/armenia/"', body)
        assert 'href="/hy/countries/armenia/"' in body  # the country's readers' languages

        armenian = client.get("/hy/countries/armenia/").content.decode()
        assert '<html lang="hy"' in armenian
        assert "Հայաստան" in armenian
        assert "data-translation-notice" in armenian

        # A page with no Armenian version: the switcher leads to the Armenian home, and says so.
        about = switcher(client.get("/about/").content.decode())
        assert re.search(r'href="/hy/" hreflang="hy"[^>]*data-untranslated', about)
