"""The one import framework (core.imports), proven for every importer: whatever fails ends the job "failed" with
a message, nothing written and the staged submission purged; a job is claimed once; the service, not a view,
decides between running now and queueing; progress is written for the page that polls it; the reader is bounded
against hostile workbooks."""

import datetime as dt
import io
import os
import re
import time
import zipfile
from pathlib import Path

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from audit.models import AuditEvent
from core.imports import reading, service, tasks
from core.imports.states import ImportState
from enterprises.models import Enterprise, EnterpriseImport, TimelineEntry
from projects import importers
from projects.choices import ImportKind
from projects.models import AccountMovement, Attendance, Employment, PayrollBatch, PayrollLine, Worker
from tests.enterprises.test_import import row as enterprise_row
from tests.enterprises.test_import import workbook as enterprise_workbook
from tests.projects.conftest import site  # noqa: F401 (fixture)
from tests.projects.factories import EmploymentFactory, WorkerFactory, id_number

pytestmark = pytest.mark.django_db
KINDS = ["enterprise", ImportKind.ROSTER, ImportKind.PAYROLL, ImportKind.BANK_STATEMENT, ImportKind.ATTENDANCE]
MARCH = dt.date(2026, 3, 1)


@pytest.fixture(autouse=True)
def _english_messages(settings):
    """The assertions read the English source messages (as the app tests do)."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def staged(kind, personas, site):  # noqa: F811 (site is the fixture's value)
    """A queued job of `kind` whose submission is valid."""
    if kind == "enterprise":
        return service.stage(EnterpriseImport, actor=personas.city_admin, file_name="e.xlsx",
                             data=enterprise_workbook([enterprise_row(1)]))
    user = personas.enterprise_a_user
    if kind == ImportKind.ROSTER:
        items = [{"name": "工人1", "id_number": id_number(1), "entered_on": "2026-03-01"}]
        return importers.stage(site.a, kind, actor=user, items=items)
    if kind == ImportKind.PAYROLL:
        EmploymentFactory(project=site.a, worker=WorkerFactory(name="工人1", id_number=id_number(1)))
        items = [{"name": "工人1", "id_number": id_number(1), "days_worked": "22", "gross_pay": "6600",
                  "deductions": "100", "net_pay": "6500"}]
        return importers.stage(site.a, kind, actor=user, items=items, month=MARCH)
    if kind == ImportKind.ATTENDANCE:
        EmploymentFactory(project=site.a, worker=WorkerFactory(name="工人1", id_number=id_number(1)))
        items = [{"id_number": id_number(1), "project_code": site.a.code, "month": "2026-03", "days_on_site": "22"}]
        return importers.stage(site.a, kind, actor=user, items=items)
    items = [{"occurred_on": "2026-03-05", "kind": "人工费拨付", "amount": "10000", "bank_reference": "X1"}]
    return importers.stage(site.a, kind, actor=user, items=items)


def written():
    """Everything an import may write, counted."""
    return {model.__name__: model.objects.count() for model in (
        Enterprise, TimelineEntry, Worker, Employment, PayrollBatch, PayrollLine, AccountMovement, Attendance)} | {
        "imported events": AuditEvent.objects.filter(event__endswith="_imported").count()}


def test_every_job_model_and_importer_is_covered_here():
    labels = {m._meta.label for m in service.job_models()}
    assert labels == {"enterprises.EnterpriseImport", "projects.ProjectImport"}
    assert set(KINDS) == {"enterprise", *importers.IMPORTERS}


@pytest.mark.parametrize("kind", KINDS)
def test_a_valid_submission_succeeds_and_its_staged_data_is_purged(personas, site, kind):  # noqa: F811
    job = service.run(staged(kind, personas, site))
    assert job.status == ImportState.SUCCEEDED, job.errors
    assert job.created_count == 1 and job.data is None and job.finished_at
    job.refresh_from_db()
    assert (job.status, job.data) == (ImportState.SUCCEEDED, None)


@pytest.mark.parametrize("kind", KINDS)
def test_an_integrity_error_while_applying_fails_the_job_and_writes_nothing(personas, site, kind,  # noqa: F811
                                                                            monkeypatch):
    job = staged(kind, personas, site)
    importer = job.get_importer()

    def conflict(job, actor):
        # Raised after apply() wrote its rows: they must all be rolled back.
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(importer, "succeeded", conflict)
    before = written()
    job = service.run(job)
    assert job.status == ImportState.FAILED
    assert "nothing was imported" in job.errors[0]["message"]
    assert written() == before
    job.refresh_from_db()
    assert (job.status, job.data, job.created_count) == (ImportState.FAILED, None, 0)


@pytest.mark.parametrize("stage", ["validate", "diff", "apply"])
@pytest.mark.parametrize("kind", KINDS)
def test_any_exception_fails_the_job_with_a_message_never_running(personas, site, kind, stage,  # noqa: F811
                                                                  monkeypatch):
    job = staged(kind, personas, site)
    importer = job.get_importer()

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(importer, stage, broken)
    before = written()
    job = service.run(job)
    job.refresh_from_db()
    assert job.status == ImportState.FAILED
    assert job.errors == [{"row": 0, "column": "", "message": "The import failed unexpectedly; nothing was "
                           "imported. Import the file again or ask the administrator."}]
    assert job.data is None and job.finished_at
    assert written() == before


def test_a_failure_while_confirming_a_replacement_fails_the_job(personas, site, monkeypatch):  # noqa: F811
    first = service.run(staged(ImportKind.PAYROLL, personas, site))
    assert first.status == ImportState.SUCCEEDED
    items = [{"name": "工人1", "id_number": id_number(1), "days_worked": "20", "gross_pay": "6600",
              "deductions": "100", "net_pay": "6500"}]
    job = service.run(importers.stage(site.a, ImportKind.PAYROLL, actor=personas.enterprise_a_user, items=items,
                                      month=MARCH))
    assert job.status == ImportState.CONFIRM and job.data  # kept, encrypted, until confirmed or cancelled

    def conflict(*args, **kwargs):
        raise IntegrityError("conflict")

    monkeypatch.setattr(job.get_importer(), "apply", conflict)
    job = service.confirm(job, actor=personas.enterprise_a_user)
    assert job.status == ImportState.FAILED and job.data is None
    assert PayrollLine.objects.get().days_worked == 22


def test_the_staged_submission_is_encrypted(personas, site):  # noqa: F811
    job = staged(ImportKind.ROSTER, personas, site)
    job.refresh_from_db()
    assert id_number(1) not in job.data and "工人1" not in job.data


@pytest.mark.parametrize("kind", ["enterprise", ImportKind.ROSTER])
def test_a_second_claim_of_the_same_job_is_refused(personas, site, kind):  # noqa: F811
    job = staged(kind, personas, site)
    other = type(job).objects.get(pk=job.pk)  # what a second worker loaded at the same time
    assert service.claim(job, ImportState.QUEUED, ImportState.RUNNING) is True
    assert service.claim(other, ImportState.QUEUED, ImportState.RUNNING) is False
    before = written()
    assert service.run(other).status == ImportState.RUNNING  # the second worker leaves it alone
    assert written() == before


def test_two_workers_with_the_same_job_apply_it_once(personas, site):  # noqa: F811
    job = staged("enterprise", personas, site)
    first, second = (EnterpriseImport.objects.get(pk=job.pk) for _ in range(2))
    assert service.run(first).status == ImportState.SUCCEEDED
    assert service.run(second).status == ImportState.SUCCEEDED  # refreshed, not re-run
    assert AuditEvent.objects.filter(event="enterprises_imported").count() == 1
    assert tasks.run_import_job("enterprises.EnterpriseImport", job.pk) == ImportState.SUCCEEDED
    assert AuditEvent.objects.filter(event="enterprises_imported").count() == 1
    assert tasks.run_import_job("enterprises.EnterpriseImport", 999_999) == "missing"


@pytest.mark.parametrize("kind", KINDS)
def test_the_service_decides_inline_or_queue_by_one_setting(personas, site, kind, settings,  # noqa: F811
                                                            monkeypatch, django_capture_on_commit_callbacks):
    queued = []
    monkeypatch.setattr(tasks.run_import_job, "delay", lambda *args: queued.append(args))
    settings.IMPORT_INLINE_MAX_BYTES = 1
    with django_capture_on_commit_callbacks(execute=True):
        job = service.start(staged(kind, personas, site))
    assert job.status == ImportState.QUEUED
    assert queued == [(job._meta.label, job.pk)]
    assert tasks.run_import_job(*queued[0]) == ImportState.SUCCEEDED

    settings.IMPORT_INLINE_MAX_BYTES = 10 * 1024 * 1024
    queued.clear()
    job = service.start(staged("enterprise", personas, site) if kind == "enterprise" else _again(kind, personas,
                                                                                                   site))
    assert job.status in (ImportState.SUCCEEDED, ImportState.CONFIRM) and queued == []


def _again(kind, personas, site):  # noqa: F811
    items = {ImportKind.ROSTER: [{"name": "工人2", "id_number": id_number(2), "entered_on": "2026-03-01"}],
             ImportKind.PAYROLL: [{"name": "工人1", "id_number": id_number(1), "days_worked": "22",
                                   "gross_pay": "6600", "deductions": "100", "net_pay": "6500"}],
             ImportKind.BANK_STATEMENT: [{"occurred_on": "2026-03-06", "kind": "工资代发", "amount": "6500",
                                          "bank_reference": "X2"}],
             ImportKind.ATTENDANCE: [{"id_number": id_number(1), "project_code": site.a.code, "month": "2026-03",
                                      "days_on_site": "21"}]}[kind]
    return importers.stage(site.a, kind, actor=personas.enterprise_a_user, items=items,
                           month=MARCH if kind == ImportKind.PAYROLL else None)


def test_no_view_or_api_decides_inline_or_queue_or_claims_a_job():
    """The class of the three limits in three views: only core.imports may dispatch, claim or bound."""
    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(r"INLINE_MAX|run_import_job|run_\w+_import\.delay|status=ImportState\.RUNNING")
    offenders = []
    packages = [p for p in root.iterdir() if p.is_dir() and not p.is_symlink() and (p / "__init__.py").exists()]
    for path in (f for package in packages for f in package.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative.startswith(("tests/", "core/imports/")) or "/migrations/" in relative:
            continue
        if pattern.search(path.read_text(encoding="utf-8")):
            offenders.append(relative)
    # The old task names, delegating to the one task, and the one setting.
    assert sorted(offenders) == ["enterprises/tasks.py", "projects/tasks.py", "wagewatch/settings.py"]


def test_progress_is_written_while_validating(personas, site, monkeypatch):  # noqa: F811
    monkeypatch.setattr(service, "PROGRESS_EVERY", 2)
    seen = []
    original = service._set_progress

    def spy(job, n):
        original(job, n)
        seen.append(EnterpriseImport.objects.values_list("processed_rows", flat=True).get(pk=job.pk))

    monkeypatch.setattr(service, "_set_progress", spy)
    data = enterprise_workbook([enterprise_row(n) for n in range(1, 6)])
    job = service.run(service.stage(EnterpriseImport, actor=personas.city_admin, file_name="e.xlsx", data=data))
    assert job.status == ImportState.SUCCEEDED
    assert seen == [2, 4, 5]
    assert (job.total_rows, job.processed_rows, job.progress_percent) == (5, 5, 100)


@pytest.mark.parametrize("kind", ["enterprise", ImportKind.ROSTER])
def test_the_job_page_polls_its_progress_until_the_job_ends(personas, site, login, kind):  # noqa: F811
    job = staged(kind, personas, site)
    user = personas.city_admin if kind == "enterprise" else personas.enterprise_a_user
    client = login(user)
    name = "enterprises:import-progress" if kind == "enterprise" else "projects:import-progress"
    url = reverse(name, args=[job.pk])
    page = client.get(job.get_absolute_url()).content.decode()
    assert f'hx-get="{url}"' in page
    partial = client.get(url)
    assert partial.status_code == 200 and 'data-testid="import-progress"' in partial.content.decode()
    service.run(job)
    assert client.get(url)["HX-Refresh"] == "true"


def test_another_users_progress_is_404(personas, site, login):  # noqa: F811
    job = staged("enterprise", personas, site)
    assert login(personas.qilihe_official).get(reverse("enterprises:import-progress",
                                                       args=[job.pk])).status_code == 404


def test_a_job_lost_with_its_worker_is_failed_and_purged(personas, site):  # noqa: F811
    job = staged(ImportKind.ROSTER, personas, site)
    assert service.claim(job, ImportState.QUEUED, ImportState.RUNNING,
                         started_at=timezone.now() - dt.timedelta(hours=2))
    fresh = staged("enterprise", personas, site)
    service.claim(fresh, ImportState.QUEUED, ImportState.RUNNING, started_at=timezone.now())
    assert service.fail_stale_jobs() == 1
    job.refresh_from_db()
    fresh.refresh_from_db()
    assert (job.status, job.data) == (ImportState.FAILED, None)
    assert "interrupted" in job.errors[0]["message"]
    assert fresh.status == ImportState.RUNNING  # a live worker is not overtaken


def test_a_cancelled_replacement_is_purged(personas, site):  # noqa: F811
    service.run(staged(ImportKind.PAYROLL, personas, site))
    items = [{"name": "工人1", "id_number": id_number(1), "days_worked": "21", "gross_pay": "6600",
              "deductions": "100", "net_pay": "6500"}]
    job = service.run(importers.stage(site.a, ImportKind.PAYROLL, actor=personas.enterprise_a_user, items=items,
                                      month=MARCH))
    job = service.cancel(job, actor=personas.enterprise_a_user)
    assert (job.status, job.data) == (ImportState.CANCELLED, None)


def test_only_someone_who_may_submit_can_confirm_or_cancel(personas, site):  # noqa: F811
    from django.core.exceptions import PermissionDenied

    service.run(staged(ImportKind.PAYROLL, personas, site))
    items = [{"name": "工人1", "id_number": id_number(1), "days_worked": "21", "gross_pay": "6600",
              "deductions": "100", "net_pay": "6500"}]
    job = service.run(importers.stage(site.a, ImportKind.PAYROLL, actor=personas.enterprise_a_user, items=items,
                                      month=MARCH))
    outsider = personas.qilihe_official
    for action in (service.confirm, service.cancel):
        with pytest.raises(PermissionDenied):
            action(job, actor=outsider)
    job.refresh_from_db()
    assert job.status == ImportState.CONFIRM


# --- the reader against hostile workbooks (issue 16) ---------------------------------------------------------

HEADER = ["姓名", "身份证号", "进场日期"]
COLUMNS = [reading.Column("name", "姓名", True), reading.Column("id_number", "身份证号", True),
           reading.Column("entered_on", "进场日期", True)]


def _with_sheet_xml(sheet_xml: str) -> bytes:
    """A real workbook whose first sheet is replaced by hand-written XML."""
    wb = Workbook()
    wb.active.append(HEADER)
    out = io.BytesIO()
    wb.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            target.writestr(info.filename, data)
    return result.getvalue()


def _sheet(dimension: str, rows: str) -> str:
    header = "".join(f'<c r="{col}1" t="inlineStr"><is><t>{h}</t></is></c>' for col, h in zip("ABC", HEADER,
                                                                                               strict=True))
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="{dimension}"/><sheetData><row r="1">{header}</row>{rows}</sheetData></worksheet>')


def test_cells_far_to_the_right_cost_nothing():
    """50,000 rows with one cell each in column XFD (262 KB): a 4 GB worker before."""
    rows = "".join(f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'
                   for n in range(2, 50_001))
    data = _with_sheet_xml(_sheet("A1:XFD50000", rows))
    started = time.monotonic()
    records = reading.read_records(data, COLUMNS)
    assert time.monotonic() - started < 20
    assert records.rows == [] and records.missing == []  # nothing in the template's columns


def test_a_declared_million_rows_is_refused_quickly():
    """One cell in XFD1048576 (5.4 KB): held a worker 24 s before."""
    data = _with_sheet_xml(_sheet("A1:XFD1048576", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))
    started = time.monotonic()
    with pytest.raises(reading.WorkbookRejected, match="more than 50000 rows"):
        reading.read_records(data, COLUMNS)
    assert time.monotonic() - started < 20


def test_rows_times_columns_is_bounded(monkeypatch):
    monkeypatch.setattr(reading, "MAX_CELLS", 10)
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>张三</t></is></c></row>' for n in range(2, 10))
    with pytest.raises(reading.WorkbookRejected, match="cells in the template's columns"):
        reading.read_records(_with_sheet_xml(_sheet("A1:C9", rows)), COLUMNS)


def test_reading_is_bounded_in_time(monkeypatch):
    monkeypatch.setattr(reading, "MAX_READ_SECONDS", -1)
    rows = '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c></row>'
    with pytest.raises(reading.WorkbookRejected, match="too long"):
        reading.read_records(_with_sheet_xml(_sheet("A1:C2", rows)), COLUMNS)


def test_only_the_template_columns_are_read():
    wb = Workbook()
    ws = wb.active
    ws.append(["备注", *HEADER])
    ws.append(["任意", "张三", "620102198503120012", "2026-03-01"])
    ws.cell(row=2, column=300, value="far away")
    out = io.BytesIO()
    wb.save(out)
    records = reading.read_records(out.getvalue(), COLUMNS)
    assert records.rows == [(2, {"name": "张三", "id_number": "620102198503120012", "entered_on": "2026-03-01"})]
    assert records.present == {"name", "id_number", "entered_on"}


def test_a_hidden_first_sheet_is_not_read():
    wb = Workbook()
    hidden = wb.active
    hidden.title = "旧版"
    hidden.append(["无关"])
    hidden.sheet_state = "hidden"
    visible = wb.create_sheet("花名册")
    visible.append(HEADER)
    visible.append(["张三", "620102198503120012", "2026-03-01"])
    out = io.BytesIO()
    wb.save(out)
    records = reading.read_records(out.getvalue(), COLUMNS)
    assert records.missing == [] and len(records.rows) == 1


def test_one_bomb_part_is_refused_even_when_a_random_entry_dilutes_the_whole_archive():
    wb = Workbook()
    wb.active.append(HEADER)
    out = io.BytesIO()
    wb.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("xl/media/padding.bin", os.urandom(1024 * 1024))
        target.writestr("xl/worksheets/sheet2.xml", b" " * (8 * 1024 * 1024))
    data = result.getvalue()
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert sum(i.file_size for i in infos) / sum(i.compress_size for i in infos) < reading.MAX_COMPRESSION_RATIO
    with pytest.raises(reading.WorkbookRejected, match="too large when unpacked"):
        reading.check_workbook(data)


@pytest.mark.parametrize("value", ["NaN", "sNaN", "Infinity", "-inf"])
def test_a_non_finite_number_is_a_row_error_not_a_crash(personas, site, value):  # noqa: F811
    EmploymentFactory(project=site.a, worker=WorkerFactory(name="工人1", id_number=id_number(1)))
    items = [{"name": "工人1", "id_number": id_number(1), "days_worked": "22", "gross_pay": value,
              "deductions": "0", "net_pay": "6500"}]
    job = service.run(importers.stage(site.a, ImportKind.PAYROLL, actor=personas.enterprise_a_user, items=items,
                                      month=MARCH))
    assert job.status == ImportState.FAILED
    assert [(e["row"], e["column"]) for e in job.errors] == [(1, "gross_pay")]


@pytest.mark.parametrize(("kind", "values"), [
    (ImportKind.PAYROLL, {"姓名": "工人1", "身份证号": None, "出勤天数": 22, "应发工资": 6600, "扣除金额": 100,
                          "实发工资": 6500, "银行流水号": 6222021234567894}),
    (ImportKind.BANK_STATEMENT, {"交易日期": "2026-03-05", "交易类型": "人工费拨付", "金额": 100,
                                 "银行流水号": 12345678901234567890}),
    (ImportKind.ROSTER, {"姓名": "工人1", "身份证号": None, "进场日期": "2026-03-01", "工资卡号": 6222021234567894}),
])
def test_a_long_number_excel_would_round_is_refused_in_every_text_column(personas, site, kind, values):  # noqa: F811
    """A 16-digit card or a 20-digit reference in a General column: Excel keeps 15 significant digits."""
    from tests.projects.conftest import workbook

    EmploymentFactory(project=site.a, worker=WorkerFactory(name="工人1", id_number=id_number(1)))
    values = {k: (id_number(1) if k == "身份证号" else v) for k, v in values.items()}
    data = workbook(list(values), [list(values.values())], text_columns=(2,))
    job = service.run(importers.stage(site.a, kind, actor=personas.enterprise_a_user, file_name="t.xlsx", data=data,
                                      month=MARCH if kind == ImportKind.PAYROLL else None))
    assert job.status == ImportState.FAILED
    column = "工资卡号" if kind == ImportKind.ROSTER else "银行流水号"
    assert [(e["row"], e["column"]) for e in job.errors] == [(2, column)]
    assert "format the column as text" in job.errors[0]["message"]


def test_a_title_row_above_the_header_and_half_width_brackets_are_understood(personas):
    """A merged title above the header gave "the column is missing" on row 1; 注册资本(万元) was ignored."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年企业名录"])
    ws.merge_cells("A1:N1")
    headers = [h.replace("（", "(").replace("）", ")") for h in enterprise_workbook_headers()]
    ws.append(headers)
    ws.append(enterprise_row(1))
    out = io.BytesIO()
    wb.save(out)
    job = service.run(service.stage(EnterpriseImport, actor=personas.city_admin, file_name="e.xlsx",
                                    data=out.getvalue()))
    assert job.status == ImportState.SUCCEEDED, job.errors
    assert str(Enterprise.objects.get(name="兰州导入测试1有限公司").registered_capital) == "1234.50"


def enterprise_workbook_headers():
    from tests.enterprises.test_import import HEADERS

    return HEADERS


def test_an_excel_error_value_is_refused_not_taken_for_a_name(personas):
    job = service.run(service.stage(EnterpriseImport, actor=personas.city_admin, file_name="e.xlsx",
                                    data=enterprise_workbook([enterprise_row(1, name="#NAME?")])))
    assert job.status == ImportState.FAILED
    assert [(e["row"], e["column"]) for e in job.errors] == [(2, "单位名称")]
    assert "#NAME?" in job.errors[0]["message"]


@pytest.mark.parametrize(("cell", "amount"), [("￥5,500", "5500"), ("5500元", "5500"), ("５５００", "5500"),
                                              ("¥ 5 500.5", "5500.5")])
def test_unambiguous_money_is_normalised(cell, amount):
    from decimal import Decimal

    assert reading.to_decimal(cell) == Decimal(amount)


def test_columns_not_in_the_template_are_named_on_the_report(personas, login):
    headers = [*enterprise_workbook_headers(), "备注", "联系电话"]
    data = enterprise_workbook([[*enterprise_row(1), "x", "y"]], headers=headers)
    job = service.run(service.stage(EnterpriseImport, actor=personas.city_admin, file_name="e.xlsx", data=data))
    assert job.status == ImportState.SUCCEEDED
    assert job.ignored_columns == ["备注", "联系电话"]
    page = login(personas.city_admin).get(job.get_absolute_url()).content.decode()
    assert 'data-testid="import-ignored"' in page and "联系电话" in page


def test_api_fields_not_in_the_template_are_named(personas, site):  # noqa: F811
    items = [{"name": "工人1", "id_number": id_number(1), "entered_on": "2026-03-01", "nickname": "小王"}]
    job = service.run(importers.stage(site.a, ImportKind.ROSTER, actor=personas.enterprise_a_user, items=items))
    assert job.status == ImportState.SUCCEEDED and job.ignored_columns == ["nickname"]
