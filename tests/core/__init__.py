"""Tests of the site-wide parts (advocacy.core): plain pytest functions with the fixtures of
tests/conftest.py. The one exception is PageRulesTests in test_pages.py, a
WagtailPageTestCase: Wagtail's page-rule assertions (assertAllowedParentPageTypes,
assertCanCreate, assertPageIsEditable and the like) come as methods of that class."""
