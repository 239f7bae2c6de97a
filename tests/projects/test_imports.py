"""Roster and payroll imports: whole-file validation, every error case, all-or-nothing, re-import of a month."""

import datetime as dt
from decimal import Decimal

import pytest

from audit.models import AuditEvent
from core.imports import service
from core.imports.states import ImportState
from enterprises.models import TimelineEntry
from projects import importers
from projects.choices import ImportKind
from projects.importers import payroll, roster
from projects.models import Employment, PayrollBatch, PayrollLine, Worker
from projects.tasks import run_project_import

from .conftest import workbook
from .factories import EmploymentFactory, WorkerFactory, id_number

pytestmark = pytest.mark.django_db
MARCH = dt.date(2026, 3, 1)
ROSTER_HEADER = [c.header for c in roster.COLUMNS]
PAYROLL_HEADER = [c.header for c in payroll.COLUMNS]


def roster_row(n, name=None, **over):
    row = {"name": name or f"工人{n}", "id_number": id_number(n), "phone": "13800000000", "home_region": "",
           "employer": "", "team": "木工班", "trade": "木工", "entered_on": "2026-03-01", "exited_on": None,
           "contract_signed_on": "2026-02-27", "wage_card_bank": "工商银行", "wage_card_number": "6222020000000000001",
           "card_issued_on": "2026-03-05", "card_held_by_worker": "是", "card_activated": "是"}
    row.update(over)
    return [row[c.field] for c in roster.COLUMNS]


def pay_row(n, name=None, **over):
    row = {"name": name or f"工人{n}", "id_number": id_number(n), "days_worked": 22, "gross_pay": 6600,
           "deductions": 100, "net_pay": 6500, "paid_amount": 6500, "paid_on": "2026-04-15",
           "bank_reference": f"R{n}", "worker_confirmed": "是"}
    row.update(over)
    return [row[c.field] for c in payroll.COLUMNS]


def run(project, kind, rows, header, actor, month=None):
    data = workbook(header, rows, text_columns=(2,))
    job = importers.stage(project, kind, actor=actor, file_name="t.xlsx", data=data, month=month)
    return service.run(job)


@pytest.fixture
def rostered(site, personas):
    """Three workers on project A's roster."""
    job = run(site.a, ImportKind.ROSTER, [roster_row(n) for n in (1, 2, 3)], ROSTER_HEADER, personas.enterprise_a_user)
    assert job.status == ImportState.SUCCEEDED, job.errors
    return site.a


def test_roster_import_registers_people_once(site, personas):
    existing = WorkerFactory(name="工人1", id_number=id_number(1))
    rows = [roster_row(1), roster_row(2, employer=site.sub.name, contract_signed_on="2026-03-02")]
    job = run(site.a, ImportKind.ROSTER, rows, ROSTER_HEADER, personas.enterprise_a_user)
    assert job.status == ImportState.SUCCEEDED, job.errors
    assert (job.created_count, job.updated_count) == (2, 0)
    assert Worker.objects.count() == 2  # the existing person was found by the keyed hash
    employment = Employment.objects.get(worker=existing)
    assert employment.employer == personas.enterprise_a and employment.card_held_by_worker
    other = Employment.objects.exclude(worker=existing).get()
    assert other.employer == site.sub and other.contract_after_entry
    assert other.worker.home_region == "甘肃省城关区"  # derived from the ID
    assert TimelineEntry.objects.filter(enterprise=personas.enterprise_a, kind="project").exists()
    # Importing again changes nothing and registers nobody twice.
    again = run(site.a, ImportKind.ROSTER, rows, ROSTER_HEADER, personas.enterprise_a_user)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    assert Worker.objects.count() == 2


def test_roster_errors_name_row_and_column(site, personas):
    rows = [roster_row(1), roster_row(2, employer="不相干公司"), roster_row(1, name="重复"),
            roster_row(4, entered_on="2026-03-10", exited_on="2026-03-01"), roster_row(5, wage_card_number=6.2e18)]
    job = run(site.a, ImportKind.ROSTER, rows, ROSTER_HEADER, personas.enterprise_a_user)
    assert job.status == ImportState.FAILED
    found = {(e["row"], e["column"]) for e in job.errors}
    assert {(3, "用工单位"), (4, "身份证号"), (5, "退场日期"), (6, "工资卡号")} <= found
    assert Worker.objects.count() == 0  # all or nothing


def test_payroll_import_creates_the_month(rostered, personas):
    job = run(rostered, ImportKind.PAYROLL, [pay_row(1), pay_row(2), pay_row(3, paid_amount=0, paid_on=None)],
              PAYROLL_HEADER, personas.enterprise_a_user, month=MARCH)
    assert job.status == ImportState.SUCCEEDED, job.errors
    batch = PayrollBatch.objects.get(project=rostered, month=MARCH)
    assert (batch.worker_count, batch.net_total, batch.paid_total, batch.unpaid_count) == (
        3, Decimal("19500.00"), Decimal("13000.00"), 1)
    assert batch.submitted_by == personas.enterprise_a_user
    assert AuditEvent.objects.filter(event="payroll_imported").exists()
    assert PayrollLine.history.count() == 3


@pytest.mark.parametrize(("row", "column", "message"), [
    (pay_row(1, id_number=float(id_number(1)[:17] + "0")), "身份证号", "6.20102E+17"),
    (pay_row(1, id_number="6.20102E+17"), "身份证号", "turned into a number by Excel"),
    (pay_row(1, id_number="620102198503120010"), "身份证号", "check digit"),
    (pay_row(9), "身份证号", "not on the project's roster"),
    (pay_row(1, name="别人"), "姓名", "another name"),
    (pay_row(1, net_pay=6600), "实发工资", "gross pay minus deductions (6500.00)"),
    (pay_row(1, paid_amount=7000), "已发金额", "exceeds the net pay"),
    (pay_row(1, paid_on=None), "发放日期", "Enter the date"),
    (pay_row(1, paid_on="2026-13-40"), "发放日期", "Enter a date"),
    (pay_row(1, days_worked=32), "出勤天数", "At most 31"),
    (pay_row(1, gross_pay="六千"), "应发工资", "Enter an amount"),
    (pay_row(1, deductions=7000, net_pay=0, paid_amount=0), "扣除金额", "exceed the gross"),
    (pay_row(1, worker_confirmed="也许"), "本人签字确认", "是 or 否"),
])
def test_every_payroll_error_names_its_row_and_column(rostered, personas, row, column, message):
    job = run(rostered, ImportKind.PAYROLL, [pay_row(2), row], PAYROLL_HEADER, personas.enterprise_a_user,
              month=MARCH)
    assert job.status == ImportState.FAILED
    assert [(e["row"], e["column"]) for e in job.errors] == [(3, column)]
    assert message in job.errors[0]["message"]
    assert id_number(1) not in str(job.errors)  # the report never repeats an ID number
    # All or nothing: the good row 2 was not imported either.
    assert not PayrollBatch.objects.exists() and not PayrollLine.objects.exists()


def test_duplicate_rows_and_missing_columns(rostered, personas):
    job = run(rostered, ImportKind.PAYROLL, [pay_row(1), pay_row(1)], PAYROLL_HEADER, personas.enterprise_a_user,
              month=MARCH)
    assert job.errors == [{"row": 3, "column": "身份证号", "message": "Same ID number as row 2."}]
    header = [h for h in PAYROLL_HEADER if h != "实发工资"]
    job = run(rostered, ImportKind.PAYROLL, [pay_row(1)[:5] + pay_row(1)[6:]], header, personas.enterprise_a_user,
              month=MARCH)
    assert job.errors == [{"row": 1, "column": "实发工资", "message": "The column is missing."}]


def test_a_file_that_is_not_a_workbook_is_rejected(rostered, personas):
    job = importers.stage(rostered, ImportKind.PAYROLL, actor=personas.enterprise_a_user, file_name="x.xlsx",
                            data=b"PK\x03\x04 not really", month=MARCH)
    assert service.run(job).status == ImportState.FAILED
    assert job.data is None  # the submission is dropped once finished


def test_reimporting_a_month_shows_the_changes_before_replacing(rostered, personas):
    user = personas.enterprise_a_user
    run(rostered, ImportKind.PAYROLL, [pay_row(1), pay_row(2), pay_row(3)], PAYROLL_HEADER, user, month=MARCH)
    april = run(rostered, ImportKind.PAYROLL, [pay_row(1)], PAYROLL_HEADER, user, month=dt.date(2026, 4, 1))
    assert april.status == ImportState.SUCCEEDED  # another month: no confirmation needed
    rows = [pay_row(1), pay_row(2, gross_pay=7100, net_pay=7000, paid_amount=7000)]  # 3 dropped, 2 changed
    job = run(rostered, ImportKind.PAYROLL, rows, PAYROLL_HEADER, user, month=MARCH)
    assert job.status == ImportState.CONFIRM
    assert (job.changes["added"], job.changes["changed"], job.changes["removed"], job.changes["unchanged"]) == (
        0, 1, 1, 1)
    assert job.changes["samples"][0]["worker"].startswith("工人2 6201")
    assert id_number(2) not in str(job.changes)
    # Nothing has changed yet.
    assert PayrollLine.objects.filter(batch__month=MARCH).count() == 3
    job = service.confirm(job, actor=user)
    assert job.status == ImportState.SUCCEEDED
    lines = PayrollLine.objects.filter(batch__month=MARCH).select_related("employment__worker")
    assert {line.employment.worker.name: line.net_pay for line in lines} == {
        "工人1": Decimal("6500.00"), "工人2": Decimal("7000.00")}
    assert PayrollLine.objects.filter(batch__month=dt.date(2026, 4, 1)).count() == 1  # April untouched
    # The removed line stays readable in the history (retention).
    assert PayrollLine.history.filter(history_type="-").count() == 1
    assert PayrollBatch.objects.get(month=MARCH).officer_confirmed_at is None


def test_a_replacement_can_be_cancelled(rostered, personas):
    user = personas.enterprise_a_user
    run(rostered, ImportKind.PAYROLL, [pay_row(1)], PAYROLL_HEADER, user, month=MARCH)
    job = run(rostered, ImportKind.PAYROLL, [pay_row(1, days_worked=20)], PAYROLL_HEADER, user, month=MARCH)
    assert service.cancel(job, actor=user).status == ImportState.CANCELLED
    assert PayrollLine.objects.get().days_worked == Decimal("22.0")


def test_an_identical_reimport_needs_no_confirmation(rostered, personas):
    user = personas.enterprise_a_user
    run(rostered, ImportKind.PAYROLL, [pay_row(1)], PAYROLL_HEADER, user, month=MARCH)
    job = run(rostered, ImportKind.PAYROLL, [pay_row(1)], PAYROLL_HEADER, user, month=MARCH)
    assert (job.status, job.unchanged_count) == (ImportState.SUCCEEDED, 1)


def test_the_task_takes_an_id_and_is_idempotent(rostered, personas):
    data = workbook(PAYROLL_HEADER, [pay_row(1)], text_columns=(2,))
    job = importers.stage(rostered, ImportKind.PAYROLL, actor=personas.enterprise_a_user, file_name="t.xlsx",
                            data=data, month=MARCH)
    assert run_project_import(job.pk) == ImportState.SUCCEEDED
    assert run_project_import(job.pk) == ImportState.SUCCEEDED
    assert PayrollLine.objects.count() == 1
    assert run_project_import(999999) == "missing"


def test_an_employment_from_another_project_does_not_count(site, personas, rostered):
    EmploymentFactory(project=site.b, worker=WorkerFactory(name="工人8", id_number=id_number(8)))
    job = run(rostered, ImportKind.PAYROLL, [pay_row(8)], PAYROLL_HEADER, personas.enterprise_a_user, month=MARCH)
    assert "not on the project's roster" in job.errors[0]["message"]


def test_someone_outside_the_project_cannot_submit(site, personas):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        importers.stage(site.b, ImportKind.PAYROLL, actor=personas.enterprise_a_user, data=b"", month=MARCH)


def test_a_roster_never_changes_a_persons_identity(site, personas):
    """Issue 16: enterprise_a's roster with a 七里河 worker's ID number and a new name, phone and home region
    overwrote the person city-wide, and the other employer's payroll was then refused."""
    theirs = WorkerFactory(name="李四", id_number=id_number(1), phone="13900000001", home_region="甘肃省七里河区")
    EmploymentFactory(project=site.b, worker=theirs)
    renamed = run(site.a, ImportKind.ROSTER, [roster_row(1, name="王五"), roster_row(2)], ROSTER_HEADER,
                  personas.enterprise_a_user)
    assert renamed.status == ImportState.FAILED
    assert renamed.errors == [{"row": 2, "column": "姓名", "message": (
        "This ID number is registered under another name (李*). A person's name is corrected by the labour "
        "inspection, not through a roster: check the row, or ask the district to verify the person.")}]
    assert not Employment.objects.filter(project=site.a).exists()  # all or nothing
    # The right name: the employment is added, but the phone and home region on file stay.
    job = run(site.a, ImportKind.ROSTER, [roster_row(1, name="李四", phone="13800000009")], ROSTER_HEADER,
              personas.enterprise_a_user)
    assert job.status == ImportState.SUCCEEDED, job.errors
    theirs.refresh_from_db()
    assert (theirs.name, theirs.phone, theirs.home_region) == ("李四", "13900000001", "甘肃省七里河区")
    assert Employment.objects.filter(project=site.a, worker=theirs).exists()


def test_a_person_known_to_this_project_alone_may_get_a_new_phone(site, personas):
    ours = WorkerFactory(name="工人1", id_number=id_number(1), phone="13900000001")
    EmploymentFactory(project=site.a, worker=ours)
    job = run(site.a, ImportKind.ROSTER, [roster_row(1, phone="13800000009")], ROSTER_HEADER,
              personas.enterprise_a_user)
    assert job.status == ImportState.SUCCEEDED, job.errors
    ours.refresh_from_db()
    assert ours.phone == "13800000009"
