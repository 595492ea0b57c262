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
