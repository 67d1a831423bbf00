"""Headless Chromium (Debian's ``chromium``, driven by Playwright; no browser download) against a live server.

Screenshots of each journey's last step go to ``var/test-artifacts/`` (``PORTAL_TEST_ARTIFACTS`` overrides).
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ARTIFACTS = Path(
    os.environ.get("PORTAL_TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "var/test-artifacts")
)


@contextmanager
def chromium():
    """Chromium for one test. Start it after the test's data exists and close it before the database is
    flushed: while Playwright's event loop runs in this thread, Django's connections are looked up per
    asyncio context, and the test's connection (the one holding the test database's state) is not the one
    an ORM call would get."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: `apt-get install chromium` (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = WatchedBrowser(playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS))
        try:
            yield browser
        finally:
            browser.close()
        # Not in `finally`: a failing test's own error comes first.
        assert not browser.violations, "\n".join(browser.violations)


# Console messages of a page whose Content-Security-Policy or Permissions-Policy refused something.
VIOLATION_MARKERS = ("Content Security Policy", "Permissions-Policy", "Permissions policy")


class WatchedBrowser:
    """The Playwright browser, with every page's console watched: a resource, script or style that a policy
    header refused (Chromium logs "Refused to ... because it violates the following Content Security Policy
    directive") fails the test once Chromium is closed."""

    def __init__(self, browser):
        self._browser = browser
        self.violations = []

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def _watch(self, target):
        def on_console(message):
            if message.type in ("error", "warning") and any(m in message.text for m in VIOLATION_MARKERS):
                self.violations.append(f"{message.location.get('url', '')}: {message.text}")

        target.on("console", on_console)
        return target

    def new_context(self, **kwargs):
        return self._watch(self._browser.new_context(**kwargs))

    def new_page(self, **kwargs):
        return self._watch(self._browser.new_page(**kwargs))


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def portal(live_server, district, commune_a):
    """The live server with a district (``localhost``) and a commune (``phuoc-hau.localhost``) on its port;
    Chromium resolves every ``*.localhost`` to this machine."""
    from urllib.parse import urlsplit

    from wagtail.models import Site

    port = urlsplit(live_server.url).port
    for site in Site.objects.filter(pk__in=[district.site_id, commune_a.site_id]):
        site.port = port
        site.save()  # through save(): Wagtail drops its cached site root paths
    return {
        "district": f"http://localhost:{port}",
        "commune": f"http://phuoc-hau.localhost:{port}",
        "port": port,
    }
