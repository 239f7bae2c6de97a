"""Playwright driving Debian's chromium (never a downloaded browser: ecosystem.md §3.4)."""

import shutil

import pytest
from django.db import connections
from playwright.sync_api import expect, sync_playwright

# Once Playwright's sync API has started (session `browser` fixture), tests run in another context where
# django.db.connections hands out a fresh wrapper without `_test_serialized_contents`, so serialized_rollback
# restores nothing and data migrations' rows (districts, policies, funds) are gone after any earlier flush.
# The wrapper of the main context, taken at import, still holds the serialized data.
_MAIN_CONNECTION = connections["default"]

# CI runs the whole suite on 2 cores: give assertions on pages the same patience as page actions.
expect.set_options(timeout=15_000)

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def _share_serialized_contents():
    """Hand the main wrapper's serialized data to the wrapper this context gets, so that Django's own
    serialized_rollback restores it (and suppresses post_migrate on the flush)."""
    contents = getattr(_MAIN_CONNECTION, "_test_serialized_contents", None)
    current = connections["default"]
    if contents is not None and getattr(current, "_test_serialized_contents", None) is None:
        current._test_serialized_contents = contents


@pytest.fixture
def _django_db_helper(_share_serialized_contents, _django_db_helper):
    """pytest-django's database fixture, after the serialized data is in place."""
    return _django_db_helper


@pytest.fixture
def page(browser, live_server):
    # Reduced motion turns Bootstrap's collapse transitions off, so no click lands on a moving button.
    context = browser.new_context(locale="zh-CN", base_url=live_server.url, viewport={"width": 1366, "height": 900},
                                  reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def login(page, username, password):
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
