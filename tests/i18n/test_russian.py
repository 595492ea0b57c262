"""The site in Russian: demo translations made through wagtail-localize, what a reader sees
on a translated page or statement, the language switcher, hreflang and the API per language."""

import re

import pytest
from wagtail_localize.models import Translation

from django.core.management import call_command
from django.db import connection

from wagtail.models import Page

from advocacy.core.translation import is_out_of_date
from advocacy.statements.models import Statement
from reports.models import ReportChapterPage


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content")


def html_lang(body):
    return re.search(r'<html lang="([^"]+)"', body).group(1)


def check_demo_translations_are_wagtail_localize_translations():
    ru_pages = Page.objects.filter(locale__language_code="ru", live=True)
    assert ru_pages.filter(slug="former-soviet-states-entrenching-homophobia").exists()
    assert ru_pages.filter(slug="armenia").exists()
    # Each one is a Translation the admin's translation editor opens.
    assert Translation.objects.filter(target_locale__language_code="ru").count() >= 20
    assert Statement.objects.filter(locale__language_code="ru", live=True).count() == 7


def check_demo_translation_is_idempotent(django_capture_on_commit_callbacks):
    before = Page.objects.count(), Statement.objects.count(), Translation.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content")
    assert (Page.objects.count(), Statement.objects.count(), Translation.objects.count()) == before


def test_a_russian_reader(demo, client):
    """One demo site (it takes a while to build) for everything a reader notices."""
    check_demo_translations_are_wagtail_localize_translations()
    check_russian_press_release_reads_in_russian_and_links_to_the_original(client)
    check_translated_statement_cites_the_original(client)
    check_api_lists_statements_per_language(client)
    check_csv_says_translated_from_english(client)
    for path in ["/xx/less-equal/", "/ru/no-such-page/", "/ru/search/?q=правозащитники+rights"]:
        check_bad_language_input_is_answered_calmly(client, path)
    if connection.vendor == "postgresql":
        check_russian_search_stems_russian_words(client)
    check_every_russian_page_is_russian_and_keeps_the_prefix(client)
    check_switcher_on_an_untranslated_page_leads_to_the_home_page_with_a_notice(client)
    check_a_translation_whose_original_is_withdrawn_links_to_no_original(client)


def test_demo_translation_is_idempotent_and_marks_out_of_date_translations(
    demo, django_capture_on_commit_callbacks, admin_client
):
    check_demo_translation_is_idempotent(django_capture_on_commit_callbacks)
    overview = admin_client.get("/admin/translations/status/?locale=ru")
    assert overview.status_code == 200
    assert "Nothing translated yet" not in overview.content.decode()
    check_out_of_date_translation_is_marked()
    # Editors see it in the overview, under "out of date", with a link to its editor.
    body = admin_client.get("/admin/translations/status/?locale=ru").content.decode()
    stale = re.search(r"<table class=\"listing\" data-out-of-date>.*?</table>", body, re.S)
    assert "About" in stale.group(0)
    assert "/admin/pages/" in stale.group(0)
    # A hostile locale parameter is answered calmly.
    assert admin_client.get("/admin/translations/status/?locale=%00xx").status_code == 200


def check_every_russian_page_is_russian_and_keeps_the_prefix(client):
    """A crawl of /ru/: every page says lang="ru", and its links (menus, breadcrumbs, facts'
    sources, cards) stay under /ru/; only the language switcher and "Read the original"
    lead to the English pages."""
    seen, queue, leaks = set(), ["/ru/"], []
    while queue and len(seen) < 60:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        body = response.content.decode()
        assert html_lang(body) == "ru", path
        body = re.sub(
            r'<nav class="language-switcher".*?</nav>|<p class="translation-notice".*?</p>',
            "",
            body,
            flags=re.S,
        )
        for href in re.findall(r'href="(/[^"#?]*)', body):
            if href.startswith(("/static/", "/documents/", "/api/", "/sitemap", "/press-kit/")):
                continue
            if href.startswith("/ru/"):
                if not href.endswith((".csv", ".png")):
                    queue.append(href)
            else:
                leaks.append((path, href))
    assert len(seen) > 20
    assert leaks == []


def check_russian_press_release_reads_in_russian_and_links_to_the_original(client):
    url = "/ru/press-releases/former-soviet-states-entrenching-homophobia/"
    body = client.get(url).content.decode()
    assert html_lang(body) == "ru"
    assert "Бывшие советские государства укореняют гомофобию" in body
    assert "data-translation-notice" in body
    assert (
        'href="/press-releases/former-soviet-states-entrenching-homophobia/" hreflang="en"' in body
    )
    # hreflang both ways, plus x-default.
    assert re.search(r'hreflang="ru" href="http://[^/"]+/ru/press-releases/', body)
    assert re.search(r'hreflang="x-default" href="http://[^/"]+/press-releases/', body)
    english = client.get("/press-releases/former-soviet-states-entrenching-homophobia/")
    english_body = english.content.decode()
    assert html_lang(english_body) == "en"
    assert "data-translation-notice" not in english_body
    assert f'href="{url}" hreflang="ru"' in english_body


def check_a_translation_whose_original_is_withdrawn_links_to_no_original(client):
    url = "/ru/countries/armenia/"
    assert 'href="/countries/armenia/" hreflang="en"' in client.get(url).content.decode()
    Page.objects.get(locale__language_code="en", slug="armenia").unpublish()
    body = client.get(url).content.decode()
    assert "Армения" in body
    assert "data-translation-notice" not in body
    assert 'href="/countries/armenia/"' not in body


def check_switcher_on_an_untranslated_page_leads_to_the_home_page_with_a_notice(client):
    Page.objects.get(locale__language_code="ru", slug="about").unpublish()
    body = client.get("/about/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S).group(0)
    assert 'href="/ru/"' in switcher
    assert "data-untranslated" in switcher
    # Its Russian address: "not found", in Russian, saying it is not translated yet.
    missing = client.get("/ru/about/")
    assert missing.status_code == 404
    missing_body = missing.content.decode()
    assert html_lang(missing_body) == "ru"
    assert "data-untranslated-notice" in missing_body
    assert 'href="/about/" hreflang="en"' in missing_body


def check_translated_statement_cites_the_original(client):
    statement = Statement.objects.get(
        locale__language_code="ru", text__startswith="Продвигаемая Россией"
    )
    original = statement.original
    assert original.locale.language_code == "en"
    body = client.get(statement.get_absolute_url()).content.decode()
    assert statement.get_absolute_url().startswith("/ru/statements/")
    assert "Продвигаемая Россией идея" in body
    # The citation, in the reader's language: "Translated from English; original: …".
    assert re.search(r"Перевод с английского; оригинал: http://[^/ ]+/statements/\d+-", body)
    assert '"inLanguage": "ru"' in body
    assert '"translationOfWork"' in body
    # Asked for under the wrong prefix: its own address.
    wrong = client.get(statement.get_absolute_url().replace("/ru/", "/", 1))
    assert wrong.status_code == 301


def check_api_lists_statements_per_language(client):
    russian = client.get("/api/v2/statements/?locale=ru&fields=translated_from").json()
    texts = [item["text"] for item in russian["items"]]
    assert any(text.startswith("Продвигаемая Россией") for text in texts)
    assert all(item["translated_from"] == "en" for item in russian["items"])
    english = client.get("/api/v2/statements/").json()
    assert not any(re.search("[а-я]", item["text"]) for item in english["items"])
    assert client.get("/api/v2/statements/?locale=xx").status_code == 400


def check_csv_says_translated_from_english(client):
    body = client.get("/ru/statements/statements.csv").content.decode()
    header, *rows = body.lstrip("\ufeff").splitlines()
    assert header.endswith("translated_from,original_permalink")
    assert any(re.search(r",en,http://[^/]+/statements/\d+-", row) for row in rows)


def check_bad_language_input_is_answered_calmly(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ru;q=abc,,;;=")
    assert response.status_code in {200, 404}


def check_out_of_date_translation_is_marked():
    translation = Translation.objects.filter(
        target_locale__language_code="ru", source__specific_content_type__model="standardpage"
    ).first()
    assert not is_out_of_date(translation.source)
    page = translation.source.get_source_instance()
    page.title = "About this site"
    page.save_revision().publish()
    assert is_out_of_date(translation.source)


def check_russian_search_stems_russian_words(client):
    """PostgreSQL's russian configuration: the nominative finds the genitive plural."""
    chapter = ReportChapterPage.objects.get(locale__language_code="ru", slug="introduction")
    chapter.standfirst = "Поддержка правозащитников в регионе."
    chapter.save_revision().publish()
    call_command("update_index", verbosity=0)
    body = client.get("/ru/search/?q=правозащитники").content.decode()
    assert html_lang(body) == "ru"
    assert 'href="/ru/less-equal/introduction/"' in body
    # English keeps english: "defender" finds "defenders".
    english = client.get("/search/?q=defender").content.decode()
    assert 'href="/less-equal/' in english
