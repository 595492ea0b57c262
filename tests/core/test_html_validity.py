"""Every public page type is valid HTML, as the Nu HTML Checker (vnu) reads it.

vnu is the W3C's validator, run offline: the jar from the npm package ``vnu-jar`` (pinned in
package.json and package-lock.json, installed by ``make install``/``make test`` with
``npm ci``) on Debian's Java. One run checks one page of each type (tests/public_pages.py);
any error fails the page's test, with vnu's message, line and extract. Its warnings and
notes ("info") are not errors and are ignored. Without Java or the jar the tests skip
locally and fail under CI, where a skipped check is a hole.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.public_pages import ALL, fetch_public_site

BASE_DIR = Path(__file__).resolve().parents[2]
# The module fixture builds the site once; the marker makes pytest-django set up the test
# database for it.
pytestmark = pytest.mark.django_db

VNU_JAR = Path(os.environ.get("VNU_JAR") or BASE_DIR / "node_modules/vnu-jar/build/dist/vnu.jar")


def validator_or_skip():
    java = shutil.which("java") or ("/usr/bin/java" if Path("/usr/bin/java").exists() else None)
    missing = []
    if java is None:
        missing.append("Java (apt-get install -y default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"the HTML validator at {VNU_JAR} (make install runs npm ci)")
    if missing:
        message = "Missing " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return java


@pytest.fixture(scope="module")
def validated(django_db_setup, django_db_blocker, tmp_path_factory):
    """{page type: [vnu's errors]} for one page of each type, in one run of the validator."""
    java = validator_or_skip()
    pages = fetch_public_site(django_db_blocker)
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for number, name in enumerate(ALL):
        path = (folder / f"{number:02d}.html").resolve()
        path.write_text(pages[name].html, encoding="utf-8")
        files[str(path)] = name
    result = subprocess.run(  # noqa: S603  our own files, our own jar
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    errors = {name: [] for name in ALL}
    for message in report["messages"]:
        if message["type"] == "info":  # warnings and notes
            continue
        # vnu names a file file:/path (one slash)
        name = files.get(message.get("url", "").removeprefix("file:"))
        assert name is not None, f"vnu could not check a page: {message}"
        errors[name].append(message)
    return pages, errors


def described(message):
    where = f"line {message.get('lastLine', '?')}"
    return f"{where}: {message['message']} [{message.get('extract', '').strip()}]"


@pytest.mark.parametrize("page_type", ALL)
def test_the_page_is_valid_html(validated, page_type):
    pages, errors = validated
    assert pages[page_type].html.lstrip().lower().startswith("<!doctype html>")
    found = [described(message) for message in errors[page_type]]
    assert found == [], f"{pages[page_type].url}: {len(found)} errors\n" + "\n".join(found)


def test_a_fractional_second_in_a_datetime_attribute_is_an_error():
    """The check is real: vnu rejects what the press release used to print."""
    java = validator_or_skip()
    page = (
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<time datetime="2026-11-25T20:22:39.731000+00:00">25 November</time></body></html>'
    )
    result = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", "-"],
        input=page,
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors = [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]
    assert [m["message"] for m in errors if "datetime" in m["message"]], errors
