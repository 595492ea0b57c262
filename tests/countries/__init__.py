"""Tests of the country pages, the comparison table and the country dossier: plain pytest
functions with the fixtures of tests/conftest.py and tests/countries/conftest.py. The one
exception is CountryPageRulesTests in test_pages.py, a WagtailPageTestCase: Wagtail's
page-rule assertions (assertAllowedParentPageTypes, assertCanCreate, assertPageIsEditable and
the like) come as methods of that class."""
