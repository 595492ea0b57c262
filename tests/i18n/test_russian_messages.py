"""What a Russian reader gets besides pages: form errors, the confirmation email, the error
pages and the script's messages, all in Russian, chosen by the address (/ru/…)."""

import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.core import mail
from django.db import OperationalError
from django.test import Client, override_settings
from django.urls import path

from wagtail.models import Locale

from advocacy.actions.factories import CallToActionFactory
from advocacy.statements.factories import StatementFactory
from tests.actions.signer import confirmation_link, form_data
from tests.html import one, soup, text


@pytest.fixture
def russian(home):
    Locale.objects.get_or_create(language_code="ru")


@pytest.fixture
def petition(russian, act_index):
    """A petition with its Russian version (same title, same address under /ru/): an action
    with no Russian version is not served under /ru/ (it redirects to its English address)."""
    petition = CallToActionFactory(slug="let-lgbti-groups-work", title="Let LGBTI groups work")
    translated = petition.copy_for_translation(Locale.objects.get(language_code="ru"))
    translated.save()
    translated.save_revision().publish()
    petition.russian = translated
    return petition


@pytest.mark.django_db
def test_the_sign_form_explains_its_errors_in_russian(client, petition):
    data = form_data(petition.russian, name="", email="not-an-address", consent=None)

    response = client.post("/ru/act/let-lgbti-groups-work/", data)

    page = text(response)
    assert response.status_code == 200
    assert "Пожалуйста, укажите своё имя." in page
    assert "Пожалуйста, проверьте адрес электронной почты" in page
    assert "Пожалуйста, отметьте это поле в знак согласия" in page
    assert "Please" not in page


@pytest.mark.django_db
def test_the_confirmation_email_is_in_the_language_the_signer_signed_in(client, petition):
    client.post("/ru/act/let-lgbti-groups-work/", form_data(petition.russian))
    client.post("/act/let-lgbti-groups-work/", form_data(petition, email="dana@example.org"))

    russian, english = mail.outbox
    assert russian.subject == "Подтвердите подпись: Let LGBTI groups work"
    assert russian.body.startswith("Здравствуйте!")
    assert re.search(r"Ссылка действует \d+ час", russian.body)
    assert confirmation_link(russian).startswith("/ru/act/confirm/")
    assert english.subject == "Confirm your signature: Let LGBTI groups work"
    assert confirmation_link(english).startswith("/act/confirm/")


@pytest.mark.django_db
def test_the_confirmation_page_opened_from_a_russian_email_is_russian(client, petition):
    client.post("/ru/act/let-lgbti-groups-work/", form_data(petition.russian))

    response = client.get(confirmation_link(mail.outbox[-1]))

    assert response.status_code == 200
    assert one(response, "button[type=submit]").get_text(strip=True) == "Подтвердить подпись"


@pytest.mark.django_db
def test_the_404_page_under_ru_is_russian(client, russian):
    response = client.get("/ru/no-such-page/")

    assert response.status_code == 404
    assert one(response, "h1").get_text(strip=True) == "Страница не найдена"
    assert soup(response).html["lang"] == "ru"


def broken(request):
    raise RuntimeError("secret internals")


def database_down(request):
    raise OperationalError("could not connect to server")


# A URLconf like the site's: the same error handler, pages under the language prefixes.
errors_urls = ModuleType("tests.i18n.errors_urls")
errors_urls.urlpatterns = i18n_patterns(
    path("boom/", broken),
    path("down/", database_down),
    prefix_default_language=False,
)
errors_urls.handler500 = "advocacy.core.errors.server_error"
sys.modules[errors_urls.__name__] = errors_urls


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=errors_urls.__name__, DEBUG=False)
@pytest.mark.parametrize(
    ("path", "status", "lang", "heading", "home_link"),
    [
        ("/ru/boom/", 500, "ru", "Что-то пошло не так", "/ru/"),
        ("/boom/", 500, "en", "Something went wrong", "/"),
        ("/ru/down/", 503, "ru", "Скоро вернёмся", "/ru/"),
        ("/down/", 503, "en", "Back in a moment", "/"),
    ],
)
def test_the_self_contained_error_pages_speak_the_language_of_the_address(
    client, path, status, lang, heading, home_link
):
    client.raise_request_exception = False

    response = client.get(path)

    assert response.status_code == status
    assert soup(response).html["lang"] == lang
    assert one(response, "h1").get_text(strip=True) == heading
    assert one(response, "a.button")["href"] == home_link
    assert "secret internals" not in response.content.decode()


@pytest.mark.django_db
def test_an_expired_form_under_ru_is_explained_in_russian(petition):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/ru/act/let-lgbti-groups-work/", form_data(petition.russian))

    assert response.status_code == 403
    assert soup(response).html["lang"] == "ru"
    assert one(response, "h1").get_text(strip=True) == "Срок действия формы истёк"
    assert one(response, "a.button")["href"] == "/ru/"


@pytest.mark.django_db
def test_the_copy_buttons_carry_their_messages_in_the_pages_language(client, russian, quote_desk):
    statement = StatementFactory()
    translated = statement.copy_for_translation(Locale.objects.get(language_code="ru"))
    translated.save()
    translated.save_revision().publish()

    response = client.get(translated.get_absolute_url())
    assert translated.get_absolute_url().startswith("/ru/")

    button = one(response, "button[data-copy-target]")
    assert button["data-copied-text"] == "Скопировано в буфер обмена."
    assert button["data-copy-failed-text"].startswith("Не удалось скопировать")


def test_the_scripts_hold_no_sentences_of_their_own():
    """Messages a script shows come from the page (data- attributes, in its language): a
    sentence in a .js file would be English on the Russian site."""
    sentence = re.compile(r"""["'][A-Z][a-z]+(?: [\w,.:;!?'’-]+)+["']""")
    scripts = sorted(Path(settings.BASE_DIR, "static", "js").glob("*.js"))

    comments = re.compile(r"/\*.*?\*/|^\s*//[^\n]*", re.DOTALL | re.MULTILINE)

    found = {
        script.name: sentence.findall(comments.sub("", script.read_text(encoding="utf-8")))
        for script in scripts
    }

    assert scripts
    assert not any(found.values()), found
