"""Pages, exports, PDFs and the API: through URLs, login and scoping (out of scope answers 404)."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from accounts.models import DepartmentGrant
from deposits import services
from deposits.models import Approval, EmergencyFund

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def deposit(personas, today):
    return factories.stored(factories.project(personas.enterprise_a), personas.chengguan_official)


def test_register_filters_and_export(deposit, personas, login):
    client = login(personas.chengguan_official)
    page = client.get(reverse("deposits:list"), {"status": "stored"})
    assert page.status_code == 200 and deposit.project.name in page.content.decode()
    assert deposit.project.name not in client.get(reverse("deposits:list"), {"overdue": "true"}).content.decode()
    export = client.get(reverse("deposits:list"), {"status": "stored", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = list(sheet.values)
    assert rows[1][0] == deposit.project.code and rows[1][9] == 180000  # the required amount stays a number
    assert deposit.project.name not in login(personas.qilihe_official).get(reverse("deposits:list")).content.decode()


def test_the_deposit_page_shows_ledger_explanation_and_permit(deposit, personas, login):
    page = login(personas.chengguan_official).get(deposit.get_absolute_url()).content.decode()
    assert 'data-testid="ledger"' in page and "人社部发〔2021〕65号 第十二条" in page
    assert 'data-testid="action-draw"' in page
    assert login(personas.qilihe_official).get(deposit.get_absolute_url()).status_code == 404
    enterprise_view = login(personas.enterprise_a_user).get(deposit.get_absolute_url())
    assert enterprise_view.status_code == 200
    assert 'data-testid="deposit-actions"' not in enterprise_view.content.decode()
    assert login(personas.enterprise_b_user).get(deposit.get_absolute_url()).status_code == 404


def test_assess_and_record_a_guarantee_through_the_pages(personas, login, today):
    project = factories.project(personas.enterprise_a)
    client = login(personas.chengguan_official)
    response = client.post(reverse("deposits:create"), {"project": project.pk, "trigger": "permit",
                                                        "trigger_date": "2026-06-01"})
    deposit = project.wage_deposit
    assert response.status_code == 302 and deposit.required_amount == Decimal("180000.00")
    url = reverse("deposits:action", args=[deposit.pk, "guarantee"])
    data = {"key": "k", "form": "bank_guarantee", "guarantor": "建行", "number": "BH-9", "amount": "100.00",
            "valid_from": "2026-06-05", "valid_until": "2027-12-31", "original_held": "on"}
    assert "at least the required" in client.post(url, data).content.decode()
    assert client.post(url, {**data, "amount": "180000.00"}).status_code == 302
    deposit.refresh_from_db()
    assert deposit.status == "guaranteed"
    assert login(personas.qilihe_official).post(url, data).status_code == 404


def test_pdfs_embed_the_cjk_font(deposit, personas, login):
    response = login(personas.chengguan_official).get(reverse("deposits:notice", args=[deposit.pk]))
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"%PDF") and b"WenQuanYiZenHei" in response.content
    assert b"STSong" not in response.content
    assert login(personas.chengguan_official).get(
        reverse("deposits:return-confirmation", args=[deposit.pk])).status_code == 404  # not returned


def test_approval_screens_keep_maker_and_checker_apart(deposit, personas, login):
    case = factories.overdue_case(deposit.project)
    inspector = login(personas.chengguan_inspector)
    response = inspector.post(reverse("deposits:action", args=[deposit.pk, "draw"]), {
        "key": "draw-1", "case_ref": case.number, "amount": "50000.00", "payees": "张三, 30000\n李四，20000",
        "reason": "逾期未支付"})
    approval = Approval.objects.get()
    assert response.url == reverse("deposits:approval-detail", args=[approval.pk])
    assert inspector.post(response.url, {"decision": "approve"}).status_code == 403
    official = login(personas.chengguan_official)
    assert 'data-testid="approve"' in official.get(response.url).content.decode()
    official.post(response.url, {"decision": "approve", "note": "同意"})
    approval.refresh_from_db()
    assert approval.status == "approved"
    notice = official.get(reverse("deposits:payment-notice", args=[approval.pk]))
    assert notice.status_code == 200 and notice.content.startswith(b"%PDF")
    listing = official.get(reverse("deposits:approvals"), {"status": "approved"}).content.decode()
    assert "50,000.00" in listing
    assert login(personas.qilihe_official).get(response.url).status_code == 404


def test_fund_pages(personas, login, today):
    fund = EmergencyFund.objects.get(district=personas.chengguan_official.district)
    client = login(personas.chengguan_official)
    client.post(reverse("deposits:fund-action", args=[fund.pk, "topup"]), {"key": "b1", "amount": "500000.00",
                                                                           "memo": "预算"})
    assert fund.balance == Decimal("500000.00")
    page = client.get(reverse("deposits:funds")).content.decode()
    assert fund.name in page and "兰州市农民工工资应急周转金" not in page  # the city fund is the city's
    assert "500,000.00" in client.get(fund.get_absolute_url()).content.decode()
    city = EmergencyFund.objects.get(level="city")
    assert client.get(city.get_absolute_url()).status_code == 404
    # a role that may not read funds at all is refused (403, the same for every id), not told "not found"
    assert login(personas.chengguan_grid).get(fund.get_absolute_url()).status_code == 403


def test_report_counts_reduced_and_increased(deposit, personas, login):
    page = login(personas.city_admin).get(reverse("deposits:report")).content.decode()
    assert "¥180,000.00" in page  # 360,000 at the standard rate, 180,000 required (tests/deposits/test_report.py)


def test_api_deposits_and_funds_for_departments(deposit, personas):
    client = APIClient()
    client.force_authenticate(personas.chengguan_official)
    body = client.get(f"/api/v1/deposits/{deposit.pk}/").json()
    assert body["required_amount"] == "180000.00" and body["balance"] == "180000.00"
    assert body["permit_eligible"] is True and body["explanation"][0]["citation"]
    assert len(client.get(f"/api/v1/deposits/{deposit.pk}/ledger/").json()) == 2
    client.force_authenticate(personas.qilihe_official)
    assert client.get(f"/api/v1/deposits/{deposit.pk}/").status_code == 404
    client.force_authenticate(personas.api_client)
    assert client.get(f"/api/v1/deposits/{deposit.pk}/").status_code == 404  # no grant yet
    DepartmentGrant.objects.create(department=personas.api_client.department, resource="deposits.deposit")
    assert client.get(f"/api/v1/deposits/{deposit.pk}/").json()["permit_eligible"] is True
    assert client.post("/api/v1/deposits/", {}).status_code in (403, 405)
    fund = EmergencyFund.objects.get(level="city")
    services.top_up_fund(fund, actor=personas.city_admin, amount="3000000.00")
    DepartmentGrant.objects.create(department=personas.api_client.department, resource="deposits.emergencyfund")
    funds = {f["id"]: f for f in client.get("/api/v1/emergency-funds/").json()["results"]}
    assert funds[fund.pk]["balance"] == "3000000.00"
    assert client.get("/api/v1/emergency-funds/uses/", {"since": "2017-01-01"}).json()["uses"] == 0
