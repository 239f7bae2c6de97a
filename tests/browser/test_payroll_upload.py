"""An enterprise user uploads a month's payroll with one bad row, reads the error, fixes it and uploads again."""

import pytest
from playwright.sync_api import expect

from core.imports import service
from projects import importers
from projects.choices import ImportKind
from projects.importers import payroll
from projects.models import PayrollLine
from tests.factories import PASSWORD
from tests.projects.conftest import workbook
from tests.projects.factories import ProjectFactory, id_number

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(net_pay_of_second):
    rows = []
    for n, net in ((1, 6500), (2, net_pay_of_second)):
        values = {"name": f"工人{n}", "id_number": id_number(n), "days_worked": 22, "gross_pay": 6600,
                  "deductions": 100, "net_pay": net, "paid_amount": net, "paid_on": "2026-04-15",
                  "bank_reference": f"R{n}", "worker_confirmed": "是"}
        rows.append([values[c.field] for c in payroll.COLUMNS])
    return workbook([c.header for c in payroll.COLUMNS], rows, text_columns=(2,))


def _upload(page, project, data, name):
    page.goto(f"/projects/{project.pk}/import/?kind=payroll")
    page.select_option("select[name=kind]", "payroll")
    page.fill("input[name=month]", "2026-03")
    page.set_input_files("input[name=file]", files=[{"name": name, "mimeType": XLSX, "buffer": data}])
    page.get_by_test_id("import-submit").click()


def test_enterprise_fixes_a_bad_payroll_row_and_uploads_again(page, personas):
    project = ProjectFactory(code="LZ-E2E", name="端到端工程", general_contractor=personas.enterprise_a)
    roster = [{"name": f"工人{n}", "id_number": id_number(n), "entered_on": "2026-03-01"} for n in (1, 2)]
    assert service.run(importers.stage(project, ImportKind.ROSTER, actor=personas.enterprise_a_user,
                                               items=roster)).status == "done"
    login(page, "enterprise_a_user", PASSWORD)

    page.goto(f"/projects/{project.pk}/")
    page.get_by_test_id("import-link").click()
    _upload(page, project, _sheet(net_pay_of_second=6000), "payroll-march.xlsx")  # 6600 − 100 ≠ 6000
    errors = page.get_by_test_id("import-errors")
    expect(errors).to_contain_text("实发工资")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody tr td").first).to_have_text("3")
    assert PayrollLine.objects.count() == 0  # nothing imported, not even the good row

    page.get_by_test_id("import-again").click()
    _upload(page, project, _sheet(net_pay_of_second=6500), "payroll-march-fixed.xlsx")
    expect(page.get_by_test_id("import-status")).to_have_attribute("class", "badge text-bg-success")
    expect(page.get_by_test_id("import-result")).to_contain_text("2")
    assert PayrollLine.objects.filter(batch__project=project).count() == 2
    page.goto(f"/projects/{project.pk}/?tab=payroll")
    expect(page.get_by_test_id("payroll-months")).to_contain_text("2026-03")
