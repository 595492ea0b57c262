"""The languages each country's readers read, and which of them the site offers yet.

A language is available for a country when the site has it (``settings.LANGUAGES``) and the
country's page has a public version in it; adding a locale is a settings change plus the
translations, with no code change here.
"""

from django.conf import settings
from django.utils.translation import get_language_info

from advocacy.core.translation import public_versions

# ISO 3166-1 code → the languages its readers read first (the country's own, then Russian).
READER_LANGUAGES = {
    "AM": ["hy", "ru"],
    "BY": ["be", "ru"],
    "KZ": ["kk", "ru"],
    "KG": ["ky", "ru"],
}


def reader_languages(page, request=None):
    """[{code, name, url or None}] for the country page's readers' languages: ``url`` is the
    page in that language when it is published, None when it is not available yet."""
    codes = READER_LANGUAGES.get(str(page.iso_code).upper(), [])
    if not codes:
        return []
    site_languages = {code for code, _name in settings.LANGUAGES}
    versions = public_versions(page, request)
    found = []
    for code in codes:
        version = versions.get(code) if code in site_languages else None
        info = get_language_info(code)
        found.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": version.url if version is not None else None,
            }
        )
    return found
