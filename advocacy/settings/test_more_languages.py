"""Tests with one more locale (Armenian): adding a language is this settings change plus its
translations. tests/i18n/test_more_languages.py applies these values and checks that the
language switcher, hreflang and the "not translated yet" notice offer it with no code change."""

from .test import *  # noqa: F403

LANGUAGES = [*LANGUAGES, ("hy", "Հայերեն")]  # noqa: F405
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
