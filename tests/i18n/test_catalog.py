"""The Russian catalog holds every string the code and templates mark for translation, each
one translated, with the same placeholders, and the compiled catalog is current."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from tests.catalog import PLACEHOLDER, read_po

ROOT = Path(settings.BASE_DIR)
CATALOG = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOG.with_suffix(".mo")
# What makemessages reads: the project's Python and templates (see the makemessages command).
SOURCES = ["advocacy", "countries", "reports", "templates", "manage.py"]


def gettext_tools():
    """xgettext/msgfmt (Debian's gettext); missing, these tests skip locally and fail in CI."""
    missing = [tool for tool in ("xgettext", "msgmerge", "msgfmt") if not shutil.which(tool)]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{', '.join(missing)} missing: install gettext (apt-get install gettext)")
        pytest.skip(f"{', '.join(missing)} missing (apt-get install gettext)")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalog makemessages builds from the code as it is now, in a scratch copy of the
    sources (so the committed catalog is never touched)."""
    gettext_tools()
    work = tmp_path_factory.mktemp("makemessages")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, work / name, ignore=shutil.ignore_patterns("__pycache__", "migrations")
            )
        else:
            shutil.copy(source, work / name)
    cwd = os.getcwd()
    os.chdir(work)
    try:
        with override_settings(LOCALE_PATHS=[str(work / "locale")]):
            call_command("makemessages", verbosity=0)
    finally:
        os.chdir(cwd)
    return read_po(work / "locale" / "ru" / "LC_MESSAGES" / "django.po")


@pytest.fixture(scope="module")
def committed():
    return read_po(CATALOG)


def test_every_marked_string_is_in_the_russian_catalog(extracted, committed):
    missing = [message.msgid for key, message in extracted.items() if key not in committed]

    assert extracted, "makemessages found no strings at all"
    assert not missing, (
        "Strings marked for translation but missing from locale/ru/LC_MESSAGES/django.po "
        f"(run `make messages`, then translate them): {missing}"
    )


def test_every_string_in_the_russian_catalog_is_translated(committed):
    untranslated = [m.msgid for m in committed.values() if not m.translated]

    assert len(committed) > 500
    assert not untranslated, f"Untranslated or fuzzy in the Russian catalog: {untranslated}"


def test_translations_keep_the_placeholders_of_the_english(committed):
    """A translation that drops or renames %(name)s or {name} would show a raw placeholder,
    or fail, on the Russian site."""
    wrong = []
    for message in committed.values():
        # Every placeholder of the plural English must appear in each plural form.
        expected = set(PLACEHOLDER.findall(message.msgid_plural or message.msgid))
        for text in message.translations:
            if set(PLACEHOLDER.findall(text)) != expected:
                wrong.append((message.msgid, text))

    assert not wrong, wrong


def test_the_catalog_compiles_cleanly():
    gettext_tools()
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        ["msgfmt", "--check", "-o", os.devnull, str(CATALOG)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr


def test_the_compiled_catalog_is_current():
    """Compiled catalogs are not committed: `make install` (and so `make run`, `make test`)
    builds them from the .po files. One older than its .po means Russian readers would see
    stale or English text."""
    assert COMPILED.exists(), (
        "locale/ru/LC_MESSAGES/django.mo is missing: run `make messages-compile`"
    )
    assert COMPILED.stat().st_mtime >= CATALOG.stat().st_mtime, (
        "django.mo is older than django.po: run `make messages-compile`"
    )
    with translation.override("ru"):
        assert translation.gettext("Skip to main content") == "Перейти к основному содержанию"
