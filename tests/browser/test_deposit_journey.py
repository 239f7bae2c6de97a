"""An official records a bank guarantee, sees the project's permit become eligible and prints the notice."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.cases.factories import CaseFactory
from tests.deposits import factories
from tests.factories import PASSWORD
from tests.projects.factories import WageAccountFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

def test_official_records_a_guarantee_sees_the_permit_eligible_and_prints_the_notice(page, personas):
    today = timezone.localdate()
    project = factories.project(personas.enterprise_a, name="雁滩安置房工程", funds_confirmed_on=dt.date(2026, 1, 10))
    WageAccountFactory(project=project)
    # A case with arrears 2½ years ago: two clean years halve the 3 % (65号 Art. 12), no exemption.
    CaseFactory(closed=True, enterprise=personas.enterprise_a, filed_on=today - dt.timedelta(days=900))

    login(page, "chengguan_official", PASSWORD)
    page.goto("/deposits/new/")
    page.fill("input[name=project]", project.code)  # the scoped picker takes the code
    page.fill("input[name=trigger_date]", today.isoformat())
    page.get_by_test_id("submit").click()
    expect(page.get_by_test_id("page-title")).to_contain_text("雁滩安置房工程")
    expect(page.get_by_test_id("required")).to_contain_text("¥180,000.00")
    expect(page.get_by_test_id("rate-explanation")).to_contain_text("人社部发〔2021〕65号")
    expect(page.get_by_test_id("permit-eligibility").locator(".text-bg-secondary")).to_be_visible()

    page.get_by_test_id("action-guarantee").click()
    page.select_option("select[name=form]", "bank_guarantee")
    page.fill("input[name=guarantor]", "中国建设银行兰州分行")
    page.fill("input[name=number]", "BH-2026-001")
    page.fill("input[name=amount]", "180000.00")
    page.fill("input[name=valid_from]", today.isoformat())
    page.fill("input[name=valid_until]", (today + dt.timedelta(days=800)).isoformat())
    page.check("input[name=original_held]")
    page.get_by_test_id("submit").click()

    expect(page.get_by_test_id("deposit-status")).to_have_class("badge deposit-guaranteed")
    expect(page.get_by_test_id("permit-eligibility").locator(".text-bg-success")).to_be_visible()
    expect(page.get_by_test_id("ledger")).to_contain_text("BH-2026-001")

    with page.expect_download() as download_info:
        page.get_by_test_id("notice-pdf").click()
    download = download_info.value
    assert download.suggested_filename == f"deposit-notice-{project.code}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
