"""Tests of the report, its chapters and the press releases: plain pytest functions with the
fixtures of tests/conftest.py and tests/reports/conftest.py. The one exception is
ReportPageRulesTests in test_page_rules.py, a WagtailPageTestCase: Wagtail's page-rule
assertions (assertAllowedSubpageTypes, assertCanCreate, assertPageIsEditable and the like)
come as methods of that class."""
