"""Excel import: template, whole-file validation with a row/column report, all-or-nothing, updates by code."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from audit.models import AuditEvent
from core.imports import service
from core.imports.states import ImportState
from enterprises import importer
from enterprises.models import Enterprise, EnterpriseImport, TimelineEntry
from tests.factories import credit_code

HEADERS = [c.header for c in importer.COLUMNS]


def row(n, *, district="城关区", name=None, **overrides):
    values = {
        "统一社会信用代码": credit_code(9000 + n), "单位名称": name or f"兰州导入测试{n}有限公司",
        "法定代表人": "王五", "所属区县": district, "地址": f"城关区测试路{n}号", "单位类型": "施工总承包单位",
        "行业门类": "E", "注册资本（万元）": 1234.5, "职工人数": 100, "参保人数": 90, "是否国有": "否",
        "是否省属": "否", "经营状态": "存续", "曾用名": "", "在本市首次承接项目或缴存保证金日期": "",
    }
    values.update(overrides)
    return [values[h] for h in HEADERS]


def workbook(rows, headers=HEADERS) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(client, data, name="enterprises.xlsx"):
    return client.post(reverse("enterprises:import"), {"file": SimpleUploadedFile(name, data)})


def run(data, actor):
    return service.run(service.stage(EnterpriseImport, actor=actor, file_name="t.xlsx", data=data))


def test_the_template_has_the_chinese_headers_and_a_text_code_column(personas, login):
    response = login(personas.chengguan_official).get(reverse("enterprises:import-template"))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == HEADERS
    assert ws["A2"].number_format == "@"
    assert wb.worksheets[1].title == "填写说明"


def test_a_good_file_registers_every_row(personas, login):
    response = upload(login(personas.chengguan_official), workbook([row(1), row(2, name="兰州二号有限公司")]))
    job = EnterpriseImport.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert (job.status, job.created_count, job.updated_count, job.total_rows) == (ImportState.SUCCEEDED, 2, 0, 2)
    enterprise = Enterprise.objects.get(credit_code=credit_code(9001))
    assert enterprise.district == personas.enterprise_a.district
    assert enterprise.kind == "general_contractor" and enterprise.industry == "E"
    assert str(enterprise.registered_capital) == "1234.50"
    assert enterprise.history.latest().history_user == personas.chengguan_official
    assert TimelineEntry.objects.filter(enterprise=enterprise, kind="registered").exists()
    assert AuditEvent.objects.filter(event="enterprises_imported", data__created=2).exists()
    assert job.data is None


def test_reimport_updates_by_credit_code_instead_of_duplicating(personas):
    run(workbook([row(1)]), personas.city_admin)
    job = run(workbook([row(1, **{"地址": "城关区新地址8号"}), row(2)]), personas.city_admin)
    assert (job.created_count, job.updated_count) == (1, 1)
    assert Enterprise.objects.filter(credit_code=credit_code(9001)).count() == 1
    assert Enterprise.objects.get(credit_code=credit_code(9001)).address == "城关区新地址8号"


def test_history_before_the_platform_is_imported_and_a_blank_keeps_it(personas):
    """65号 Art. 12: the first project or deposit in the city, for history before the platform."""
    import datetime as dt

    run(workbook([row(1, **{"在本市首次承接项目或缴存保证金日期": "2018-04-02"})]), personas.city_admin)
    assert Enterprise.objects.get(credit_code=credit_code(9001)).first_activity_on == dt.date(2018, 4, 2)
    run(workbook([row(1, **{"地址": "城关区新地址9号"})]), personas.city_admin)
    assert Enterprise.objects.get(credit_code=credit_code(9001)).first_activity_on == dt.date(2018, 4, 2)


def test_an_unchanged_row_is_not_rewritten(personas):
    run(workbook([row(1)]), personas.city_admin)
    job = run(workbook([row(1)]), personas.city_admin)
    assert (job.created_count, job.updated_count) == (0, 0)


def test_bad_rows_reject_the_whole_file_with_row_and_column(personas, login):
    rows = [row(1), row(2, **{"统一社会信用代码": "91620102000000001"}), row(3, **{"职工人数": "many"}),
            row(4, **{"单位类型": "国企"}), row(5, **{"所属区县": "火星区"}), row(6, **{"单位名称": ""})]
    upload(login(personas.city_admin), workbook(rows))
    job = EnterpriseImport.objects.get()
    assert job.status == ImportState.FAILED
    assert Enterprise.objects.count() == 2  # only the personas: nothing was imported
    where = {(e["row"], e["column"]) for e in job.errors}
    assert where == {(3, "统一社会信用代码"), (4, "职工人数"), (5, "单位类型"), (6, "所属区县"), (7, "单位名称")}
    page = login(personas.city_admin).get(job.get_absolute_url()).content.decode()
    assert "Nothing was imported" in page and "职工人数" in page


def test_duplicate_codes_within_the_file_are_reported(personas):
    job = run(workbook([row(1), row(2), row(1, name="重复公司")]), personas.city_admin)
    assert job.status == ImportState.FAILED
    assert job.errors == [{"row": 4, "column": "统一社会信用代码", "message": "Same code as row 2."}]


def test_a_code_excel_turned_into_a_rounded_number_is_explained(personas):
    mangled = float("916201020000090011")  # what Excel keeps of an all-digit code: 15 significant digits
    job = run(workbook([row(1, **{"统一社会信用代码": mangled})]), personas.city_admin)
    assert job.status == ImportState.FAILED
    assert "format the column as text" in job.errors[0]["message"]


def test_a_numeric_code_is_refused_even_if_its_rounded_digits_validate(personas):
    from stdnum.cn import uscc

    candidates = (f"91620102{n:09d}" for n in range(9100, 9400))
    code = next(c + uscc.calc_check_digit(c) for c in candidates if uscc.calc_check_digit(c).isdigit())
    job = run(workbook([row(1, **{"统一社会信用代码": int(code)})]), personas.city_admin)
    assert job.status == ImportState.FAILED
    assert not Enterprise.objects.filter(credit_code=code).exists()


def test_lowercase_codes_are_normalised(personas):
    job = run(workbook([row(1, **{"统一社会信用代码": credit_code(9001).lower()})]), personas.city_admin)
    assert job.status == ImportState.SUCCEEDED
    assert Enterprise.objects.filter(credit_code=credit_code(9001)).exists()


def test_a_missing_required_column_is_reported_once(personas):
    headers = [h for h in HEADERS if h != "法定代表人"]
    job = run(workbook([], headers=headers), personas.city_admin)
    assert job.errors == [{"row": 1, "column": "法定代表人", "message": "The column is missing."}]


def test_an_empty_file_is_rejected(personas):
    job = run(workbook([]), personas.city_admin)
    assert job.status == ImportState.FAILED
    assert job.errors[0]["message"] == "The sheet has no rows to import."


def test_a_file_that_is_not_xlsx_is_refused_at_upload(personas, login):
    response = upload(login(personas.city_admin), "统一社会信用代码,单位名称\n".encode(), name="list.csv")
    assert response.status_code == 200
    assert "not an Excel workbook" in response.content.decode()
    assert not EnterpriseImport.objects.exists()
    assert AuditEvent.objects.filter(event="enterprises_import_rejected", success=False).exists()


def test_a_district_official_cannot_import_into_another_district(personas):
    job = run(workbook([row(1, district="七里河区")]), personas.chengguan_official)
    assert job.errors[0]["column"] == "所属区县"


def test_a_code_of_an_enterprise_outside_the_scope_cannot_be_overwritten(personas):
    taken = personas.enterprise_b.credit_code
    job = run(workbook([row(1, **{"统一社会信用代码": taken})]), personas.chengguan_official)
    assert job.status == ImportState.FAILED
    assert "outside your scope" in job.errors[0]["message"]
    personas.enterprise_b.refresh_from_db()
    assert personas.enterprise_b.name == "乙建设有限公司"


def test_district_codes_work_as_well_as_names(personas):
    assert run(workbook([row(1, district="620102")]), personas.city_admin).status == ImportState.SUCCEEDED


@pytest.mark.parametrize("persona", ["chengguan_grid", "city_leader", "enterprise_a_user"])
def test_roles_that_may_not_import_get_403(personas, login, persona):
    client = login(getattr(personas, persona))
    assert client.get(reverse("enterprises:import")).status_code == 403
    assert client.get(reverse("enterprises:import-template")).status_code == 403


def test_a_large_file_is_queued_for_the_worker(personas, login, monkeypatch, settings,
                                               django_capture_on_commit_callbacks):
    from core.imports import tasks

    settings.IMPORT_INLINE_MAX_BYTES = 10
    queued = []
    monkeypatch.setattr(tasks.run_import_job, "delay", lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        upload(login(personas.city_admin), workbook([row(1)]))
    job = EnterpriseImport.objects.get()
    assert queued == [("enterprises.EnterpriseImport", job.pk)] and job.status == ImportState.QUEUED
    from enterprises.tasks import run_enterprise_import

    assert run_enterprise_import(job.pk) == ImportState.SUCCEEDED
    assert run_enterprise_import(job.pk) == ImportState.SUCCEEDED  # a re-run changes nothing


def test_another_users_import_report_is_404(personas, login):
    job = run(workbook([row(1)]), personas.chengguan_official)
    assert login(personas.qilihe_official).get(job.get_absolute_url()).status_code == 404
    assert login(personas.city_admin).get(job.get_absolute_url()).status_code == 200
