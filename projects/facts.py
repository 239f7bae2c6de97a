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

from .choices import AllocationBasis, MovementKind, NoticeBoardItem, ProjectStatus
from .models import AccountMovement, PayrollBatch, PayrollLine, Project, WageAccount

# Projects past construction: completed, or wages settled too.
DONE = [ProjectStatus.COMPLETED, ProjectStatus.WAGES_SETTLED]
PROJECT_FIELDS = ("code", "name", "district_id", "general_contractor_id")

# --- attendance and pay (W09, W10, W14, W17) ---------------------------------------------------------------


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
