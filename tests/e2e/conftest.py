"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Chromium is never downloaded: the tests use /usr/bin/chromium (or CHROMIUM_PATH). When it
is missing they skip locally and fail under CI, where a skipped browser test is a hole.
"""

import os
import shutil
from pathlib import Path

import pytest

from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Screenshots go to var/screenshots so that a test run rewrites no committed file;
# `make screenshots` points this at docs/screenshots to refresh the README's pictures.
SCREENSHOTS = Path(
    os.environ.get("SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "var" / "screenshots"
)
SCREENSHOTS.mkdir(parents=True, exist_ok=True)
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1440, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def public_url_is_the_live_server(live_server, settings):
    """The browser reads the site at the live server's address, so that is its public
    address: permalinks, citations and share links name it, and the site built by ``home``
    or ``demo_site`` gets its hostname and port (as `make run` sets PUBLIC_URL)."""
    settings.PUBLIC_URL = live_server.url
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = live_server.url


@pytest.fixture
def demo_site(transactional_db):
    call_command("load_demo_content", verbosity=0)


class PageProblems:
    """Console errors and failed requests a reader's browser would hit."""

    def __init__(self):
        self.errors = []
        self.expected = []

    def expect(self, text):
        """Tolerate one kind of message, e.g. the 404 a test asks for on purpose."""
        self.expected.append(text)

    @property
    def unexpected(self):
        return [e for e in self.errors if not any(x in e for x in self.expected)]

    def watch(self, page):
        page.on(
            "console",
            lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"),
        )
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        page.on("requestfailed", self.request_failed)

    def request_failed(self, request):
        # ERR_ABORTED is the browser cancelling a load because the test navigated on.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.errors.append(f"request failed: {request.url} {request.failure}")


@pytest.fixture
def page_problems():
    return PageProblems()


@pytest.fixture
def page(browser, live_server, page_problems):
    """A fresh browser tab (desktop size); console errors and CSP blocks fail the test."""
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    tab = context.new_page()
    page_problems.watch(tab)
    yield tab
    context.close()
    assert page_problems.unexpected == []


@pytest.fixture
def phone_page(browser, live_server, page_problems):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    page_problems.watch(tab)
    yield tab
    context.close()
    assert page_problems.unexpected == []


@pytest.fixture
def screenshots():
    """The folder screenshots go to (see SCREENSHOTS above)."""
    return SCREENSHOTS


@pytest.fixture
def assert_accessible():
    """assert_accessible(page): run axe-core (shipped inside axe-playwright-python) on the
    page and fail on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page)
        violations = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['html'][:120]})"
            for v in results.response["violations"]
        ]
        assert violations == [], f"axe-core found violations on {page.url}:\n" + "\n".join(
            violations
        )

    return check


@pytest.fixture
def sign_in_to_admin():
    """sign_in_to_admin(page, username, password): sign in through the real admin forms:
    the password, then (superusers and signature staff must use two-factor sign-in) the
    current code of a confirmed authenticator device the test gives the user."""
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from django.contrib.auth import get_user_model

    def sign_in(page, username, password):
        user = get_user_model().objects.get(username=username)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/two-factor/verify/**")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        page.get_by_label("Code from your authenticator app").fill(f"{totp.token():06d}")
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url("**/admin/")

    return sign_in
