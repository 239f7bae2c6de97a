import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_inspector_logs_in_sees_chinese_switches_to_english_and_logs_out(page, personas):
    login(page, "chengguan_inspector", PASSWORD)
    expect(page.get_by_test_id("page-title")).to_contain_text("欢迎")
    expect(page.locator("nav.app-sidebar")).to_contain_text("企业")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")

    page.select_option("#lang-select", "en")  # app.js submits the form on change
    expect(page.get_by_test_id("page-title")).to_contain_text("Welcome")
    expect(page.locator("nav.app-sidebar")).to_contain_text("Enterprises")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_test_id("logout").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_three_wrong_passwords_lock_the_account(page, personas):
    for _ in range(2):
        login(page, "chengguan_inspector", "wrong-password-1")
        expect(page.get_by_test_id("login-error")).to_be_visible()
    login(page, "chengguan_inspector", "wrong-password-1")
    expect(page.get_by_test_id("locked-out")).to_be_visible()
    # Even the right password is refused while the lock lasts.
    login(page, "chengguan_inspector", PASSWORD)
    expect(page.get_by_test_id("locked-out")).to_be_visible()
