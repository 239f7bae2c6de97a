"""What other apps may read from projects, wage accounts, workers, attendance and payroll: plain functions
answering one set-based question over the whole city (docs/architecture.md, "One contract between apps").
The early-warning rules read these; each function says which rule asks.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    DecimalField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, Trim, TruncDate, TruncMonth

from core import periods
from core.aggregates import CENT, MONEY_OUTPUT, AsMoney, MoneySum
from core.workdays import CalendarNotCovered, WorkdayCalendar

from .choices import AllocationBasis, MovementKind, NoticeBoardItem, ProjectStatus
from .models import AccountMovement, Attendance, Employment, PayrollBatch, PayrollLine, Project, WageAccount
from .models.project import pay_due_date
from .querysets import AddOneMonth

# Projects past construction: completed, or wages settled too.
DONE = [ProjectStatus.COMPLETED, ProjectStatus.WAGES_SETTLED]
PROJECT_FIELDS = ("code", "name", "district_id", "general_contractor_id")

# --- attendance and pay (W09, W10, W14, W17) ---------------------------------------------------------------
#
# "Attended" means a month's attendance row with more than zero days on site. "Paid" means a payroll line of the
# same project and month with an amount paid on or before the evaluation day; "paid through the account" adds a
# bank reference of the dedicated account (Decree 724 Art. 31). The pay date is the project's effective pay date
# (Project.pay_due_date: the agreed day, moved to the previous working day); a month whose pay date falls in a
# year the working-day calendar does not cover is left out (the calendar-coverage warning covers that year).


@dataclass(frozen=True)
class AttendedMonth:
    """A project's month with attendance (W09, W10)."""

    project_id: int
    project_code: str
    district_id: int
    enterprise_id: int  # the general contractor
    month: dt.date
    due_on: dt.date  # the effective pay date
    attended: int  # workers with days on site
    days: Decimal  # days on site, all workers
    paid: int = 0  # of the attended workers, those paid by ``on``
    payroll_submitted: bool = False
    unpaid_names: list = field(default_factory=list)


def _due_and_past(rows, on, calendar) -> list:
    """(row, effective pay date) of the rows whose pay date is before ``on``."""
    calendar = calendar or WorkdayCalendar()
    kept = []
    for row in rows:
        try:
            due = pay_due_date(row["month"], row["pay_day"], row["pay_in_next_month"], calendar)
        except CalendarNotCovered:
            continue
        if due < on:
            kept.append((row, due))
    return kept


def _attended(on: dt.date):
    """Attendance rows with days on site in months whose pay date may have passed by ``on``."""
    return Attendance.objects.filter(days_on_site__gt=0, month__lte=on.replace(day=1))


_MONTH_FIELDS = {"project_id": F("employment__project_id"), "project_code": F("employment__project__code"),
                 "district_id": F("employment__project__district_id"),
                 "enterprise_id": F("employment__project__general_contractor_id"),
                 "pay_day": F("employment__project__pay_day"),
                 "pay_in_next_month": F("employment__project__pay_in_next_month")}


def _month_row(row, due, **extra) -> AttendedMonth:
    return AttendedMonth(project_id=row["project_id"], project_code=row["project_code"],
                         district_id=row["district_id"], enterprise_id=row["enterprise_id"], month=row["month"],
                         due_on=due, attended=row["attended"], days=row["days"], **extra)


def attended_months_without_account_pay(on: dt.date, calendar=None) -> list[AttendedMonth]:
    """W09: months with attendance whose effective pay date is before ``on`` and for which no wage was paid
    through the dedicated account by ``on``. One query (and the calendar's two)."""
    paid_through_account = PayrollLine.objects.filter(
        batch__project_id=OuterRef("employment__project_id"), batch__month=OuterRef("month"), paid_amount__gt=0,
        paid_on__lte=on).exclude(bank_reference="")
    submitted = PayrollLine.objects.filter(batch__project_id=OuterRef("employment__project_id"),
                                           batch__month=OuterRef("month"))
    rows = (_attended(on).filter(~Exists(paid_through_account)).values("month", **_MONTH_FIELDS)
            .annotate(attended=Count("id"), days=Sum("days_on_site"), submitted=Exists(submitted))
            .order_by("employment__project_id", "month"))
    return [_month_row(row, due, payroll_submitted=row["submitted"]) for row, due in _due_and_past(rows, on, calendar)]


def paid_against_attended(on: dt.date, calendar=None, names: int = 10) -> list[AttendedMonth]:
    """W10: per project and month with attendance whose pay date is before ``on``: the attended workers and how
    many of them were paid by ``on`` (any payroll payment). Only months where someone is unpaid are returned,
    each with the names of up to ``names`` unpaid workers. Two queries (and the calendar's two)."""
    paid = PayrollLine.objects.filter(employment_id=OuterRef("employment_id"), batch__month=OuterRef("month"),
                                      paid_amount__gt=0, paid_on__lte=on)
    rows = (_attended(on).values("month", **_MONTH_FIELDS)
            .annotate(attended=Count("id"), days=Sum("days_on_site"), paid=Count("id", filter=Exists(paid)))
            .filter(paid__lt=F("attended")).order_by("employment__project_id", "month"))
    kept = _due_and_past(rows, on, calendar)
    if not kept:
        return []
    wanted = Q()
    for row, _due in kept:
        wanted |= Q(employment__project_id=row["project_id"], month=row["month"])
    unpaid = {}
    for project_id, month, name in (_attended(on).filter(wanted).filter(~Exists(paid))
                                    .order_by("employment__project_id", "month", "employment__worker__name")
                                    .values_list("employment__project_id", "month", "employment__worker__name")):
        unpaid.setdefault((project_id, month), []).append(name)
    return [_month_row(row, due, paid=row["paid"], unpaid_names=unpaid.get((row["project_id"], row["month"]),
                                                                            [])[:names])
            for row, due in kept]


@dataclass(frozen=True)
class UnregisteredAttendance:
    """W14: a worker's attendance on a project without a labour contract before entry, or outside the period
    the worker is registered on the project's roster (before entry or after exit)."""

    project_id: int
    project_code: str
    district_id: int
    enterprise_id: int  # the general contractor
    employer_id: int
    employment_id: int
    worker_name: str
    month: dt.date  # the latest such month
    no_contract: bool
    contract_after_entry: bool
    outside_registration: bool


def attendance_without_registration(on: dt.date, since: dt.date) -> list[UnregisteredAttendance]:
    """W14: attendance (months from ``since`` to ``on``) by workers with no labour contract, a contract signed
    after entering the site (Decree 724 Art. 28), or days on site in a month before their registered entry or
    after their registered exit (not on the real-name roster then). One row per employment. One query."""
    no_contract = Q(employment__contract_signed_on__isnull=True)
    late_contract = Q(employment__contract_signed_on__gt=F("employment__entered_on"))
    before_entry = Q(employment__entered_on__gte=AddOneMonth("month"))
    after_exit = Q(employment__exited_on__isnull=False, employment__exited_on__lt=F("month"))
    rows = (Attendance.objects.filter(days_on_site__gt=0, month__gte=since.replace(day=1),
                                      month__lte=on.replace(day=1))
            .filter(no_contract | late_contract | before_entry | after_exit)
            .values("employment_id", "employment__project_id", "employment__project__code",
                    "employment__project__district_id", "employment__project__general_contractor_id",
                    "employment__employer_id", "employment__worker__name", "employment__contract_signed_on",
                    "employment__entered_on")
            .annotate(latest=Max("month"), outside=Count("id", filter=before_entry | after_exit))
            .order_by("employment__project_id", "employment__worker__name", "employment_id"))
    return [UnregisteredAttendance(
        project_id=r["employment__project_id"], project_code=r["employment__project__code"],
        district_id=r["employment__project__district_id"],
        enterprise_id=r["employment__project__general_contractor_id"], employer_id=r["employment__employer_id"],
        employment_id=r["employment_id"], worker_name=r["employment__worker__name"], month=r["latest"],
        no_contract=r["employment__contract_signed_on"] is None,
        contract_after_entry=(r["employment__contract_signed_on"] is not None
                              and r["employment__contract_signed_on"] > r["employment__entered_on"]),
        outside_registration=r["outside"] > 0) for r in rows]


@dataclass(frozen=True)
class UnsettledExit:
    """W17: a worker who left the site with no final settlement confirmed."""

    employment_id: int
    project_id: int
    project_code: str
    district_id: int
    employer_id: int
    worker_name: str
    worker_index: str  # the keyed hash of the ID number (matches a complaint's; never shown)
    exited_on: dt.date
    last_attendance_month: dt.date | None  # None: no attendance recorded


def exits_without_settlement(on: dt.date, days: int) -> list[UnsettledExit]:
    """W17: employments whose exit lies more than ``days`` days before ``on`` and that have no final settlement
    confirmation by ``on``: a payroll line of the exit month or later, paid in full (paid ≥ net) and signed or
    confirmed by the worker (PayrollLine.worker_confirmed; the model keeps no separate settlement statement).
    With the latest month of attendance, None when none is recorded. One query."""
    settled = PayrollLine.objects.filter(
        employment_id=OuterRef("pk"), batch__month__gte=OuterRef("exit_month"), worker_confirmed=True,
        paid_amount__gte=F("net_pay"), paid_on__lte=on)
    last_attendance = (Attendance.objects.filter(employment_id=OuterRef("pk"), days_on_site__gt=0)
                       .order_by("-month").values("month")[:1])
    # the exits whose period of `days` days (the exit day not counted) has ended before `on`
    rows = (Employment.objects.filter(exited_on__isnull=False,
                                      exited_on__lt=periods.earliest_start_running_on(on, days=days))
            .annotate(exit_month=_month_start("exited_on"))
            .filter(~Exists(settled))
            .annotate(last_month=Subquery(last_attendance))
            .values("pk", "project_id", "project__code", "project__district_id", "employer_id", "worker__name",
                    "worker__id_number_index", "exited_on", "last_month")
            .order_by("project_id", "exited_on", "pk"))
    return [UnsettledExit(employment_id=r["pk"], project_id=r["project_id"], project_code=r["project__code"],
                          district_id=r["project__district_id"], employer_id=r["employer_id"],
                          worker_name=r["worker__name"], worker_index=r["worker__id_number_index"],
                          exited_on=r["exited_on"], last_attendance_month=r["last_month"]) for r in rows]


def _month_start(name):
    return TruncMonth(name, output_field=DateField())


def previous_month(day: dt.date) -> dt.date:
    """The first day of the month before ``day``'s month."""
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


# --- accounts, allocations, payroll and site duties (W06–W08, W11–W13, W15, W16) ---------------------------

# Projects on site: work has started and is not completed (W15, W16). The money rules (W06–W08) read only
# projects under construction: a suspended project owes no labour cost for its pause.
ON_SITE = [ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.SUSPENDED]

# What tells that work went on in a month: monthly attendance (projects.Attendance) is being added on another
# branch; until it is here, the payroll's days worked are the sign of work (allocation_inflows, the lines of
# W11), and the rules' evidence labels say so.
DAYS = DecimalField(max_digits=8, decimal_places=1)


def _rows(queryset, cls) -> list:
    """The queryset's rows as `cls` instances (a dataclass whose fields without a default name the columns)."""
    names = [f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING]
    return [cls(**row) for row in queryset.values(*names)]


def _money_total(queryset, group: str, column: str = "amount"):
    """A correlated sum of a money column grouped by `group` (0 when there is no row), read back as money."""
    total = queryset.order_by().values(group).annotate(s=MoneySum(column)).values("s")
    return AsMoney(Coalesce(Subquery(total, output_field=MONEY_OUTPUT), Value(0), output_field=MONEY_OUTPUT))


def _open_accounts(on: dt.date):
    """Accounts open on `on` (opened by then and not closed), with the project's names and parties."""
    return (
        WageAccount.objects.filter(opened_on__lte=on)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=on))
        .annotate(
            account_id=F("pk"),
            project_code=F("project__code"),
            project_name=F("project__name"),
            district_id=F("project__district_id"),
            client_id=F("project__client_id"),
            general_contractor_id=F("project__general_contractor_id"),
        )
        .order_by("pk")
    )


def _allocations():
    return AccountMovement.objects.filter(account=OuterRef("pk"), kind=MovementKind.ALLOCATION)


@dataclass(frozen=True)
class AccountRef:
    """Which account and project a row is about, and who answers for it."""

    account_id: int
    project_id: int
    project_code: str
    project_name: str
    district_id: int
    client_id: int
    general_contractor_id: int


@dataclass(frozen=True)
class AllocationInflow(AccountRef):
    """W06: an open account, its agreed transfer day, its last labour-cost transfer, and one month's
    transfers and payroll days worked."""

    project_status: str
    actual_start_on: dt.date | None
    opened_on: dt.date
    allocation_day: int
    last_inflow_on: dt.date | None
    month_inflow: Decimal
    days_worked: Decimal


def allocation_inflows(on: dt.date, *, month: dt.date) -> list[AllocationInflow]:
    """W06, one query: every account open on `on` whose project is under construction or had work in
    `month` (a first-of-month date), with its last labour-cost transfer up to `on`, and the transfers and
    the payroll days worked in `month`."""
    last_inflow = _allocations().filter(occurred_on__lte=on).order_by("-occurred_on").values("occurred_on")[:1]
    month_inflow = _allocations().filter(occurred_on__range=(month, periods.month_end(month)))
    days = (
        PayrollLine.objects.filter(batch__project=OuterRef("project_id"), batch__month=month)
        .order_by()
        .values("batch__project")
        .annotate(s=Sum("days_worked"))
        .values("s")
    )
    queryset = (
        _open_accounts(on)
        .annotate(
            project_status=F("project__status"),
            actual_start_on=F("project__actual_start_on"),
            last_inflow_on=Subquery(last_inflow),
            month_inflow=_money_total(month_inflow, "account"),
            days_worked=Coalesce(Subquery(days, output_field=DAYS), Value(Decimal("0")), output_field=DAYS),
        )
        .filter(Q(project__status=ProjectStatus.UNDER_CONSTRUCTION) | Q(days_worked__gt=0))
    )
    return _rows(queryset, AllocationInflow)


@dataclass(frozen=True)
class AgreedAllocation(AccountRef):
    """W07: an account agreed as a fixed amount per transfer cycle, and its labour-cost transfers per
    calendar month ({first-of-month date: total}; a month without any is absent)."""

    opened_on: dt.date
    closed_on: dt.date | None
    actual_start_on: dt.date | None
    allocation_amount: Decimal
    allocation_cycle_days: int
    inflows: dict = field(default_factory=dict)


def agreed_allocations(first: dt.date, last: dt.date) -> list[AgreedAllocation]:
    """W07, two queries: the accounts open at the end of `last` of projects under construction, agreed as a
    fixed amount per cycle, with their monthly labour-cost
    transfers in the months `first`..`last` (first-of-month dates). An account agreed as a ratio of
    progress payments is not among them: the platform records no progress payments, so what is due is
    unknown."""
    end = periods.month_end(last)
    accounts = (
        _open_accounts(end)
        .filter(
            project__status=ProjectStatus.UNDER_CONSTRUCTION,
            allocation_basis=AllocationBasis.AMOUNT,
            allocation_amount__gt=0,
        )
        .annotate(actual_start_on=F("project__actual_start_on"))
    )
    rows = _rows(accounts, AgreedAllocation)
    by_account = {row.account_id: row for row in rows}
    inflows = (
        AccountMovement.objects.filter(
            account__in=accounts.values("pk"), kind=MovementKind.ALLOCATION, occurred_on__range=(first, end)
        )
        .annotate(month=TruncMonth("occurred_on"))
        .values("account_id", "month")
        .annotate(total=MoneySum("amount"))
        .order_by()
    )
    for flow in inflows:
        by_account[flow["account_id"]].inflows[flow["month"]] = flow["total"]
    return rows


@dataclass(frozen=True)
class BalanceAndPayroll(AccountRef):
    """W08: an open account's balance and the gross payroll of the project's recent months."""

    balance: Decimal
    payroll_months: int
    payroll_gross: Decimal

    @property
    def expected_payroll(self) -> Decimal:
        """The average gross payroll of those months, to the fen."""
        return (self.payroll_gross / self.payroll_months).quantize(CENT, ROUND_HALF_UP)


def balances_and_payroll(on: dt.date, *, first: dt.date, last: dt.date) -> list[BalanceAndPayroll]:
    """W08, one query: every account open on `on` of a project under construction with a payroll in the
    months `first`..`last` (first-of-month dates): its balance on `on` (credits less debits) and the number
    and gross total of those payroll months."""
    movements = AccountMovement.objects.filter(account=OuterRef("pk"), occurred_on__lte=on)
    credits = movements.filter(kind__in=MovementKind.credits())
    debits = movements.exclude(kind__in=MovementKind.credits())
    batches = PayrollBatch.objects.filter(project=OuterRef("project_id"), month__range=(first, last))
    count = batches.order_by().values("project").annotate(n=Count("pk")).values("n")
    queryset = (
        _open_accounts(on)
        .filter(project__status=ProjectStatus.UNDER_CONSTRUCTION)
        .annotate(
            balance=AsMoney(_money_total(credits, "account") - _money_total(debits, "account")),
            payroll_months=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
            payroll_gross=_money_total(batches, "project", "gross_total"),
        )
        .filter(payroll_months__gt=0)
    )
    return _rows(queryset, BalanceAndPayroll)


# --- payroll lines (W11, W12, W13) ---


@dataclass(frozen=True)
class ProjectRef:
    project_id: int
    project_code: str
    project_name: str
    district_id: int
    general_contractor_id: int


_PROJECT = {
    "project_id": F("batch__project_id"),
    "project_code": F("batch__project__code"),
    "project_name": F("batch__project__name"),
    "district_id": F("batch__project__district_id"),
    "general_contractor_id": F("batch__project__general_contractor_id"),
}


@dataclass(frozen=True)
class PayLine(ProjectRef):
    """One worker's payroll line of a month (W11, W12), named by the worker's name (never the ID number)."""

    employment_id: int
    employer_id: int
    worker_name: str
    month: dt.date
    days_worked: Decimal
    net_pay: Decimal
    paid_amount: Decimal


def _pay_lines():
    return PayrollLine.objects.annotate(
        **_PROJECT,
        employer_id=F("employment__employer_id"),
        worker_name=F("employment__worker__name"),
        month=F("batch__month"),
    )


def full_month_pay_below(thresholds: Mapping[dt.date, tuple[Decimal, Decimal]]) -> list[PayLine]:
    """W11, one query: the lines of the months asked for ({first-of-month date: (full days, minimum)}) of a
    worker who worked at least the full days and was paid a net amount below the minimum."""
    below = Q(pk__in=[])
    for month, (full_days, minimum) in thresholds.items():
        below |= Q(batch__month=month, days_worked__gte=full_days, net_pay__lt=minimum)
    return _rows(_pay_lines().filter(below).order_by("batch__month", "pk"), PayLine)


@dataclass(frozen=True)
class PayrollAverage(ProjectRef):
    """W11: a month's payroll of one project: the workers with days worked, their days and net pay."""

    batch_id: int
    month: dt.date
    workers: int
    total_days: Decimal
    total_net: Decimal


def _by_month(thresholds, index: int):
    """A per-line SQL value of the line's month: the full days (index 0) or the minimum (index 1)."""
    return Case(
        *[When(batch__month=month, then=Value(values[index])) for month, values in thresholds.items()],
        output_field=DecimalField(max_digits=12, decimal_places=2),
    )


def payroll_averages_below(thresholds: Mapping[dt.date, tuple[Decimal, Decimal]]) -> list[PayrollAverage]:
    """W11, one query: the months' payrolls ({first-of-month date: (full days, minimum)}) whose net pay per day
    worked, over a full month, is below the minimum (net total × full days < minimum × days worked), over
    the lines with days worked."""
    rows = (
        PayrollLine.objects.filter(batch__month__in=list(thresholds), days_worked__gt=0)
        .values("batch_id", **_PROJECT, month=F("batch__month"))
        .annotate(
            workers=Count("pk"),
            total_days=Sum("days_worked"),
            total_net=MoneySum("net_pay"),
            scaled_net=MoneySum(F("net_pay") * _by_month(thresholds, 0)),
            owed=MoneySum(F("days_worked") * _by_month(thresholds, 1)),
        )
        .filter(scaled_net__lt=F("owed"))
        .order_by("month", "project_id")
    )
    return _rows(rows, PayrollAverage)


def pay_lines_above(months: list[dt.date], limit: Decimal) -> list[PayLine]:
    """W12, one query: the lines of the months asked for (first-of-month dates) paid above `limit`."""
    return _rows(
        _pay_lines().filter(batch__month__in=months, paid_amount__gt=limit).order_by("batch__month", "pk"), PayLine
    )


@dataclass(frozen=True)
class YearPay(ProjectRef):
    """W12: what one worker was paid on one project in one calendar year (by payroll month)."""

    employment_id: int
    employer_id: int
    worker_name: str
    year: int
    months: int
    paid: Decimal


def yearly_pay_above(years: list[int], limit: Decimal) -> list[YearPay]:
    """W12, one query: per employment and calendar year asked for, the total paid when above `limit`."""
    rows = (
        PayrollLine.objects.filter(batch__month__year__in=years)
        .values(
            "employment_id",
            **_PROJECT,
            employer_id=F("employment__employer_id"),
            worker_name=F("employment__worker__name"),
            year=ExtractYear("batch__month"),
        )
        .annotate(months=Count("pk"), paid=MoneySum("paid_amount"))
        .filter(paid__gt=limit)
        .order_by("year", "employment_id")
    )
    return _rows(rows, YearPay)


@dataclass(frozen=True)
class IncompletePayroll(ProjectRef):
    """W13: a month's payroll with lines the workers have not signed or confirmed, or with ledger fields
    missing. The worker's ID, days worked, gross, deductions and net pay are required columns of every
    line; what can be missing is the payment voucher of a paid line (the bank reference) and its date."""

    batch_id: int
    month: dt.date
    lines: int
    unconfirmed: int
    no_voucher: int
    no_paid_on: int


def incomplete_payrolls(first: dt.date, last: dt.date) -> list[IncompletePayroll]:
    """W13, one query: the payrolls of the months `first`..`last` (first-of-month dates) with at least one
    line unconfirmed by its worker, or paid without a bank reference or a payment date."""
    paid = Q(paid_amount__gt=0)
    rows = (
        PayrollLine.objects.filter(batch__month__range=(first, last))
        .values("batch_id", **_PROJECT, month=F("batch__month"))
        .annotate(
            lines=Count("pk"),
            unconfirmed=Count("pk", filter=Q(worker_confirmed=False)),
            no_voucher=Count("pk", filter=paid & Q(bank_reference="")),
            no_paid_on=Count("pk", filter=paid & Q(paid_on__isnull=True)),
        )
        .filter(Q(unconfirmed__gt=0) | Q(no_voucher__gt=0) | Q(no_paid_on__gt=0))
        .order_by("month", "project_id")
    )
    return _rows(rows, IncompletePayroll)


# --- site duties (W15, W16) ---


@dataclass(frozen=True)
class SiteProject:
    project_id: int
    project_code: str
    project_name: str
    district_id: int
    general_contractor_id: int
    status: str
    actual_start_on: dt.date | None


def _on_site():
    return (
        Project.objects.filter(status__in=ON_SITE)
        .annotate(project_id=F("pk"), project_code=F("code"), project_name=F("name"))
        .order_by("pk")
    )


def projects_without_wage_officer() -> list[SiteProject]:
    """W15, one query: projects on site with no labour-wage officer recorded (blank or only spaces)."""
    return _rows(_on_site().annotate(officer=Trim("wage_officer_name")).filter(officer=""), SiteProject)


@dataclass(frozen=True)
class NoticeBoardGap(SiteProject):
    """W16: a project on site whose notice board has no photo, or lacks required contents."""

    photo: bool
    missing: list = field(default_factory=list)  # NoticeBoardItem members, in the choices' order


def notice_board_gaps() -> list[NoticeBoardGap]:
    """W16, one query: projects on site without a notice board photo or without every required item
    (NoticeBoardItem, Decree 724 Art. 34); what is missing comes from Project.notice_board_missing."""
    projects = (
        _on_site()
        .filter(Q(notice_board_photo="") | ~Q(notice_board_items__contains=NoticeBoardItem.values))
        .only(
            "code",
            "name",
            "district_id",
            "general_contractor_id",
            "status",
            "actual_start_on",
            "notice_board_photo",
            "notice_board_items",
        )
    )
    return [
        NoticeBoardGap(
            project_id=p.pk,
            project_code=p.code,
            project_name=p.name,
            district_id=p.district_id,
            general_contractor_id=p.general_contractor_id,
            status=p.status,
            actual_start_on=p.actual_start_on,
            photo=bool(p.notice_board_photo),
            missing=p.notice_board_missing,
        )
        for p in projects
    ]


# --- account opening and closing (W01, W26) -----------------------------------------------------------------

def projects_without_account(signed_before: dt.date) -> list[dict]:
    """W01: projects not complete whose construction contract was signed before the day and that have no open
    dedicated wage account (one query). Rows: pk, code, name, district_id, general_contractor_id,
    contract_signed_on."""
    open_account = WageAccount.objects.filter(project=OuterRef("pk"), closed_on__isnull=True)
    return list(Project.objects.filter(contract_signed_on__lt=signed_before).exclude(status__in=DONE)
                .exclude(Exists(open_account)).order_by("pk").values("pk", *PROJECT_FIELDS, "contract_signed_on"))


def idle_accounts_after_completion(completed_before: dt.date, idle_since: dt.date) -> list[dict]:
    """W26: open dedicated accounts of projects completed before `completed_before` with no movement on or after
    `idle_since` (one query). Rows: pk (the account), project_id, the project's fields, actual_completion_on,
    last_movement_on (None: never used) and balance."""
    return list(WageAccount.objects.filter(closed_on__isnull=True, project__status__in=DONE,
                                           project__actual_completion_on__lt=completed_before)
                .annotate(last_movement_on=Max("movements__occurred_on"),
                          credits=MoneySum("movements__amount", filter=Q(movements__kind__in=MovementKind.credits())),
                          debits=MoneySum("movements__amount", filter=~Q(movements__kind__in=MovementKind.credits())))
                .filter(Q(last_movement_on__isnull=True) | Q(last_movement_on__lt=idle_since)).order_by("pk")
                .values("pk", "project_id", *(f"project__{f}" for f in PROJECT_FIELDS), "project__actual_completion_on",
                        "last_movement_on", "credits", "debits"))


def accounts_closed_since(closed_since: dt.date) -> list[dict]:
    """W26: dedicated accounts closed on or after the day, with their project's completion (one query). Rows:
    pk, project_id, the project's fields, project__status, project__actual_completion_on, opened_on, closed_on."""
    return list(WageAccount.objects.filter(closed_on__gte=closed_since).order_by("pk")
                .values("pk", "project_id", *(f"project__{f}" for f in PROJECT_FIELDS), "project__status",
                        "project__actual_completion_on", "opened_on", "closed_on"))


# --- registration (W23) -------------------------------------------------------------------------------------

def projects_registered_since(start: dt.date) -> list[dict]:
    """W23: live projects registered on the platform on or after the day (local date; one query). Rows: pk, code,
    name, district_id, general_contractor_id, registered_on."""
    return list(Project.objects.filter(created_at__date__gte=start, status__in=ProjectStatus.live())
                .annotate(registered_on=TruncDate("created_at")).order_by("pk")
                .values("pk", *PROJECT_FIELDS, "registered_on"))
