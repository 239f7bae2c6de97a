import pytest
from playwright.sync_api import expect

from enterprises.timeline import add_entry
from tests.factories import PASSWORD, EnterpriseFactory

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_inspector_finds_an_enterprise_by_partial_name_and_opens_its_file(page, personas, chengguan):
    target = EnterpriseFactory(name="兰州黄河路桥建设有限公司", district=chengguan)
    EnterpriseFactory(name="兰州黄河餐饮有限公司", district=chengguan)
    EnterpriseFactory(name="黄河路桥七里河分公司", district=personas.qilihe_inspector.district)
    add_entry(target, "registered", "企业档案建立")

    login(page, "chengguan_inspector", PASSWORD)
    page.locator("nav.app-sidebar").get_by_role("link", name="企业").first.click()
    page.fill("form.filter-bar input[name=q]", "路桥")  # not the header's search box
    page.locator("form.filter-bar button[type=submit]").click()

    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)  # the Qilihe enterprise is outside the inspector's district
    page.get_by_role("link", name="兰州黄河路桥建设有限公司").click()

    expect(page.locator("h1")).to_contain_text("兰州黄河路桥建设有限公司")
    expect(page.get_by_test_id("timeline")).to_contain_text("企业档案建立")
