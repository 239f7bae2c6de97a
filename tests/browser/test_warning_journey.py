"""A district official opens a red warning raised by the engine, reads its evidence and disposes of it with a
note; the enterprise sees the warnings addressed to it on its page."""

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from cases.models import Order
from earlywarning import engine
from earlywarning.models import Warning
from tests.browser.conftest import login
from tests.cases.factories import CaseFactory
from tests.earlywarning.factories import WarningFactory
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_official_disposes_of_a_red_warning_and_the_enterprise_sees_its_own(page, personas):
    case = CaseFactory(enterprise=personas.enterprise_a, status="order_issued", order_deadline=dt.date(2026, 6, 19))
    Order.objects.create(case=case, number="兰城劳监令〔2026〕7号", issued_on=dt.date(2026, 6, 10), workdays=7,
                         deadline=dt.date(2026, 6, 19), amount=Decimal("24000.00"), workers=3,
                         requirements="足额支付", served_on=dt.date(2026, 6, 10), service_method="in_person")
    engine.evaluate(on=dt.date(2026, 6, 22), rules=["W21"])
    warning = Warning.objects.get(rule="W21")

    login(page, "chengguan_official", PASSWORD)
    page.goto("/warnings/?level=red")
    page.get_by_test_id("warning-link").first.click()
    expect(page.get_by_test_id("page-title")).to_contain_text("W21")
    expect(page.get_by_test_id("level-red")).to_be_visible()
    expect(page.get_by_test_id("evidence")).to_contain_text("兰城劳监令〔2026〕7号")
    expect(page.get_by_test_id("evidence")).to_contain_text("¥24,000.00")
    expect(page.get_by_test_id("cause-link")).to_have_attribute("href", f"/cases/{case.pk}/")
    page.fill("textarea[name=note]", "已责令企业当日足额支付，现场核实无误")
    page.get_by_test_id("dispose").click()
    expect(page.get_by_test_id("history")).to_contain_text("已责令企业当日足额支付")
    warning.refresh_from_db()
    assert warning.status == "cleared" and warning.cleared_how == "disposed"

    page.context.clear_cookies()
    shown = WarningFactory(enterprise=personas.enterprise_a, rule="W09", subject="project", level="yellow",
                           shown_to_enterprise=True)
    login(page, "enterprise_a_user", PASSWORD)
    page.goto(f"/enterprises/{personas.enterprise_a.pk}/")
    page.get_by_test_id("warnings-tab").click()
    expect(page.get_by_test_id("warnings-fragment")).to_contain_text("W09")
    expect(page.get_by_test_id("warnings-fragment")).not_to_contain_text("W21")
    assert shown.pk
