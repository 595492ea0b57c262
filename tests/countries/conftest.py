import pytest

from countries.factories import CountryIndexPageFactory, CountryPageFactory


@pytest.fixture
def country_index(home):
    return CountryIndexPageFactory(parent=home)


@pytest.fixture
def belarus(country_index):
    return CountryPageFactory(parent=country_index, title="Belarus", iso_code="BY")


@pytest.fixture
def kyrgyzstan(country_index):
    return CountryPageFactory(parent=country_index, title="Kyrgyzstan", iso_code="KG")


@pytest.fixture
def russian(home, country_index, belarus):
    """The site in Russian: a translated home, country index and Belarus page
    (/ru/countries/belarus/)."""
    from wagtail.models import Locale

    locale = Locale.objects.create(language_code="ru")
    for page in (home, country_index):
        page.copy_for_translation(locale).save_revision().publish()
    translated = belarus.copy_for_translation(locale)
    translated.title = "Беларусь"
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated
