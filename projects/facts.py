"""What other apps may read from projects, wage accounts, workers, attendance and payroll: plain functions
answering one set-based question over the whole city (docs/architecture.md, "One contract between apps").
The early-warning rules read these; each function says which rule asks.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DateField, Exists, F, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncDate, TruncMonth

from core import periods
from core.aggregates import MoneySum
from core.workdays import CalendarNotCovered, WorkdayCalendar

from .choices import MovementKind, ProjectStatus
from .models import Attendance, Employment, PayrollLine, Project, WageAccount
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
