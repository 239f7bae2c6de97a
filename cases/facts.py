"""What other apps may read from the case register: plain functions over cases, orders and requests, and
the one action another app completes on a case (a draw-down request done). This is the cases app's whole
contract with the apps above it (deposits, blacklist, certificates, and the early-warning, inspections
and dashboard apps to come): they import this module, never cases.models or cases.services, so that the
register can change its tables without touching them (docs/architecture.md, "One contract between apps").

A function that answers for a user scopes through visible_to; one without a user answers a rule that holds
city-wide (a deposit rate, a certificate blocker) and is called only by a service that checked its actor."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, F, Max, OuterRef, Q, Subquery
from django.urls import reverse

from core.duties import Duty
from kernel.fetch import locked_or_none
from kernel.roles import Action

from . import services
from .choices import CaseOutcome, CaseStatus, ComplaintStatus, EscalationKind, EscalationStatus, ExtensionStatus
from .models import (
    Case,
    CaseInspector,
    Complaint,
    CriminalThreshold,
    CriminalTransfer,
    EscalationRequest,
    MassIncident,
)
from .models import Order as OrderModel
from .rules import (
    EXTENSION_WORKDAYS,
    INVESTIGATION_RULE,
    INVESTIGATION_WORKDAYS,
    ORDER_RULE,
    acceptance_deadline,
    crime_threshold_met,
)

__all__ = [
    "EXTENSION_WORKDAYS",
    "INVESTIGATION_RULE",
    "INVESTIGATION_WORKDAYS",
    "ORDER_RULE",
    "Overdue",
    "PaymentOrder",
    "arrears_dates",
    "arrears_outcomes",
    "case_id_of_order",
    "case_of",
    "closed_cases_for_publication",
    "complaints_awaiting_decision",
    "complaints_past_decision",
    "complete_drawdown",
    "complaints_by_people",
    "complete_request",
    "crime_threshold_in_force",
    "crime_threshold_met",
    "criminal_threshold",
    "extension_requests",
    "has_mass_incident",
    "inspector_ids",
    "investigations_due",
    "investigations_filed_by",
    "latest_order",
    "lock_pending_request",
    "lock_request",
    "open_cases",
    "open_complaints",
    "orders_due",
    "overdue",
    "overdue_case_numbers",
    "overdue_orders",
    "payment_order",
    "pending_requests",
    "unpaid_order_cases",
    "visible_case",
]


# --- arrears and payment orders (deposit rate 65号 Arts. 11–12, draws Art. 14) -----------------------

def arrears_outcomes() -> list[str]:
    return [o for o in CaseOutcome.values if o != CaseOutcome.NO_VIOLATION]


def arrears_dates(enterprise_ids, start: dt.date, end: dt.date) -> dict[int, list[dt.date]]:
    """{enterprise id: sorted filing days in [start, end]} of the cases that established wage arrears (any
    outcome but "no violation") or issued an order to pay. Every id asked for is a key."""
    rows = (Case.objects.filter(enterprise_id__in=enterprise_ids, filed_on__range=(start, end))
            .filter(Q(outcome__in=arrears_outcomes()) | Q(orders__isnull=False))
            .values_list("enterprise_id", "filed_on").distinct())
    found: dict[int, list[dt.date]] = {pk: [] for pk in enterprise_ids}
    for enterprise_id, filed_on in rows:
        found.setdefault(enterprise_id, []).append(filed_on)
    return {pk: sorted(days) for pk, days in found.items()}


@dataclass(frozen=True)
class PaymentOrder:
    """A case's latest order to pay (the rectification order), as the deposits app checks a draw against it."""

    ref: str
    label: str
    project_id: int | None
    deadline: dt.date
    paid: bool
    amount: Decimal | None = None  # still unpaid
    case_id: int | None = None


def payment_order(ref: str) -> PaymentOrder | None:
    """The latest order to pay of the case named by `ref` (its case number or an order number), or None."""
    case = Case.objects.filter(Q(number=ref) | Q(orders__number=ref)).distinct().first()
    if case is None:
        return None
    order = latest_order(case)
    if order is None:
        return None
    return PaymentOrder(
        ref=case.number, label=f"{case.number} / {order.number}", project_id=case.project_id,
        deadline=order.deadline, paid=case.status == CaseStatus.COMPLIED or case.amount_unpaid <= 0,
        amount=case.amount_unpaid, case_id=case.pk)


def latest_order(case):
    """The case's order to pay in force: the latest one issued, or None."""
    return case.orders.order_by("-issued_on", "-pk").first()


# --- cases a user names on a form ------------------------------------------------------------------

def overdue_case_numbers(user, project, limit=20) -> list[str]:
    """The numbers of the project's cases (visible to the user) whose order to pay ran out."""
    return list(Case.objects.visible_to(user).filter(project=project,
                                                     status__in=[CaseStatus.OVERDUE, CaseStatus.TRANSFERRED])
                .values_list("number", flat=True)[:limit])


def visible_case(user, number):
    """The case with this number if the user may view it, else None."""
    return Case.objects.visible_to(user, Action.VIEW).filter(number=number).first()


def case_of(pk):
    """The case by primary key, for a service of another app that holds a key to it and checked its actor."""
    return Case.objects.get(pk=pk)


# --- when the order went overdue (45号 Art. 5) --------------------------------------------------------

@dataclass(frozen=True)
class Overdue:
    on: dt.date
    unpaid: Decimal | None


def overdue(case) -> Overdue | None:
    """When the case's order went overdue and what was unpaid then (stored on the case by mark_overdue).
    Read from the row, not the instance: a caller may hold the case from before the service marked it."""
    row = Case.objects.filter(pk=case.pk).values_list("became_overdue_on", "unpaid_when_overdue").first()
    if row is None or row[0] is None:
        return None
    return Overdue(*row)


def criminal_threshold(province: str, on: dt.date):
    """The province's criminal-case figures (single and group amounts) in force on the day, or None."""
    return CriminalThreshold.objects.in_force(on).filter(province=province).first()


def has_mass_incident(case) -> bool:
    return case.mass_incidents.exists()


# --- escalation requests addressed to another app (draw-down, list review) ---------------------------

def pending_requests(user, kind: str):
    """The pending requests of this kind on the cases the user sees, oldest first."""
    return (EscalationRequest.objects.visible_to(user).filter(kind=kind, status=EscalationStatus.PENDING)
            .select_related("case__project", "case__enterprise", "case__district").order_by("requested_on", "pk"))


def lock_request(actor, pk):
    """The request, locked with its case, if the actor may view the case; else None."""
    return locked_or_none(EscalationRequest.objects.select_related("case__enterprise", "case__district"), actor,
                          Action.VIEW, pk=pk)


def lock_pending_request(actor, pk, kind: str):
    """The pending request of this kind, locked, if the actor may view its case; else None."""
    return locked_or_none(EscalationRequest.objects.select_related("case__enterprise", "case__district"), actor,
                          Action.VIEW, pk=pk, kind=kind, status=EscalationStatus.PENDING)


def complete_request(request, *, actor, note: str = "", on=None):
    """The addressed app acted on the request: it is done, with a note on the case's timeline."""
    return services.complete_escalation(request, actor=actor, note=note, on=on)


def complete_drawdown(case_id, *, actor, note: str, on=None):
    """A draw for the case was approved: its pending draw-down request (if the actor sees one) is done."""
    request = (EscalationRequest.objects.visible_to(actor)
               .filter(case_id=case_id, kind=EscalationKind.DEPOSIT_DRAWDOWN,
                       status=EscalationStatus.PENDING).first())
    if request is None:
        return None
    return complete_request(request, actor=actor, note=note, on=on)


# --- certificate blockers and violation publication (city-wide rules) -----------------------------------

def open_cases(enterprises, on: dt.date):
    """(pk, enterprise id, number, filed_on) of the enterprises' cases filed by `on` and still open."""
    return (Case.objects.filter(enterprise__in=enterprises.values("pk"), status__in=CaseStatus.open(),
                                filed_on__lte=on).values_list("pk", "enterprise_id", "number", "filed_on"))


def unpaid_order_cases(enterprises):
    """(pk, enterprise id, number, owed, recovered) of cases that issued an order to pay whose wages are not
    paid in full (open, or closed with a penalty or court enforcement)."""
    return (Case.objects.filter(enterprise__in=enterprises.values("pk"), orders__isnull=False,
                                recovered_amount__lt=F("amount_owed"))
            .exclude(status__in=[CaseStatus.COMPLIED, CaseStatus.WITHDRAWN])
            .exclude(outcome__in=[CaseOutcome.RECTIFIED, CaseOutcome.NO_VIOLATION])
            .values_list("pk", "enterprise_id", "number", "amount_owed", "recovered_amount").distinct())


def closed_cases_for_publication(start: dt.date, end: dt.date, *, exclude_ids, district=None):
    """Cases closed in [start, end] with a violation, annotated has_transfer / has_incident, oldest first."""
    cases = (Case.objects.filter(status=CaseStatus.CLOSED, closed_on__range=(start, end))
             .exclude(outcome=CaseOutcome.NO_VIOLATION).exclude(pk__in=exclude_ids)
             .annotate(has_transfer=Exists(CriminalTransfer.objects.filter(case=OuterRef("pk"))),
                       has_incident=Exists(MassIncident.objects.filter(case=OuterRef("pk"))))
             .select_related("enterprise", "district").order_by("closed_on", "pk"))
    if district is not None:
        cases = cases.filter(district=district)
    return cases


# --- dated duties, city-wide, for the deadline reminders ----------------------------------------------

def complaints_awaiting_decision(due_by: dt.date) -> list[Duty]:
    """Complaints still waiting for the acceptance decision whose deadline (若干规定 Art. 18) is on or before
    `due_by`: one query."""
    rows = (Complaint.objects.filter(status=ComplaintStatus.RECEIVED, acceptance_deadline__lte=due_by)
            .values_list("pk", "tracking_number", "district_id", "acceptance_deadline", "enterprise_id"))
    return [Duty(pk, number, district_id, due_on, reverse("cases:complaint-detail", args=[pk]), enterprise_id)
            for pk, number, district_id, due_on, enterprise_id in rows]


def _case_deadlines(cases, date_field: str) -> list[Duty]:
    rows = list(cases.values_list("pk", "number", "district_id", date_field, "enterprise_id"))
    inspectors: dict[int, list[int]] = {}
    for case_id, inspector_id in (CaseInspector.objects.filter(case_id__in=[row[0] for row in rows], recused=False)
                                  .values_list("case_id", "inspector_id")):
        inspectors.setdefault(case_id, []).append(inspector_id)
    return [Duty(pk, number, district_id, due_on, reverse("cases:detail", args=[pk]), enterprise_id,
                 tuple(inspectors.get(pk, ())))
            for pk, number, district_id, due_on, enterprise_id in rows]


def investigations_due(due_by: dt.date) -> list[Duty]:
    """Cases still under investigation (no order, no decision) whose investigation deadline (Decree 423
    Art. 17, with an approved extension) is on or before `due_by`, with their inspectors: two queries."""
    cases = Case.objects.filter(status__in=[CaseStatus.FILED, CaseStatus.INVESTIGATING],
                                investigation_deadline__lte=due_by)
    return _case_deadlines(cases, "investigation_deadline")


def orders_due(due_by: dt.date) -> list[Duty]:
    """Cases whose order to pay is running and due on or before `due_by`, with their inspectors."""
    cases = Case.objects.filter(status=CaseStatus.ORDER_ISSUED, order_deadline__lte=due_by)
    return _case_deadlines(cases, "order_deadline")


def extension_requests() -> list[Duty]:
    """Open cases whose extension of the investigation (Decree 423 Art. 17) waits for the department head's
    approval; `due_on` is the investigation deadline the decision must come before."""
    cases = Case.objects.filter(extension_status=ExtensionStatus.REQUESTED, status__in=CaseStatus.open())
    return _case_deadlines(cases, "investigation_deadline")


# --- early warning -------------------------------------------------------------------------------------

def complaints_by_people(id_indexes, on: dt.date) -> dict[str, dt.date]:
    """{complainant ID keyed hash: the latest day a complaint or report of that person was received, up to
    ``on``} for the given people (W17: a worker who left without settlement and complained). One query."""
    indexes = [index for index in set(id_indexes) if index]
    if not indexes:
        return {}
    rows = (Complaint.objects.filter(complainant_id_index__in=indexes, received_on__lte=on)
            .values("complainant_id_index").annotate(latest=Max("received_on")).order_by())
    return {row["complainant_id_index"]: row["latest"] for row in rows}


# --- early warning (domain.md §13, W18–W22): city-wide sets, one query each ---------------------------------

def open_complaints() -> list[dict]:
    """Complaints and clues still open: waiting for a decision, or accepted with their case still open. Rows:
    pk, tracking_number, district_id, enterprise_id, project_id, received_on, status, workers_count,
    amount_owed, owed_from, owed_to, case_number."""
    return list(Complaint.objects.filter(
        Q(status__in=ComplaintStatus.open()) | Q(status=ComplaintStatus.ACCEPTED, case__status__in=CaseStatus.open()))
        .values("pk", "tracking_number", "district_id", "enterprise_id", "project_id", "received_on", "status",
                "workers_count", "amount_owed", "owed_from", "owed_to", case_number=F("case__number")))


def complaints_past_decision(on: dt.date, calendar) -> list[dict]:
    """Complaints still RECEIVED whose decision was due before `on` (若干规定 Art. 18: within 5 working days;
    the stored deadline, or counted from receipt where none could be stored). Rows: pk, tracking_number,
    district_id, enterprise_id, project_id, received_on, due."""
    rows = Complaint.objects.filter(status=ComplaintStatus.RECEIVED, received_on__lt=on).values(
        "pk", "tracking_number", "district_id", "enterprise_id", "project_id", "received_on", "acceptance_deadline")
    found = []
    for row in rows:
        due = row.pop("acceptance_deadline") or acceptance_deadline(row["received_on"], calendar)
        if due < on:
            found.append({**row, "due": due})
    return found


def investigations_filed_by(filed_by: dt.date) -> list[dict]:
    """Cases still under investigation (filed, investigating) filed on or before the day. Rows: pk, number,
    district_id, enterprise_id, project_id, filed_on, investigation_deadline, extended."""
    return [{**row, "extended": row.pop("extension_status") == ExtensionStatus.APPROVED} for row in
            Case.objects.filter(status__in=[CaseStatus.FILED, CaseStatus.INVESTIGATING], filed_on__lte=filed_by)
            .values("pk", "number", "district_id", "enterprise_id", "project_id", "filed_on",
                    "investigation_deadline", "extension_status")]


def overdue_orders(on: dt.date) -> list[dict]:
    """Cases whose order to pay ran out before `on` without proof of compliance (still ORDER_ISSUED past the
    deadline, or marked overdue), not yet transferred to the police. Rows: order_id, order_number, pk, number,
    district_id, enterprise_id, project_id, deadline, workers_owed, months_owed, amount_owed,
    recovered_amount."""
    latest = OrderModel.objects.filter(case=OuterRef("pk")).order_by("-issued_on", "-pk")
    return list(Case.objects.filter(Q(status=CaseStatus.ORDER_ISSUED, order_deadline__lt=on)
                                    | Q(status=CaseStatus.OVERDUE))
                .exclude(Exists(CriminalTransfer.objects.filter(case=OuterRef("pk"))))
                .annotate(order_id=Subquery(latest.values("pk")[:1]),
                          order_number=Subquery(latest.values("number")[:1]),
                          deadline=Subquery(latest.values("deadline")[:1]))
                .filter(order_id__isnull=False)
                .values("order_id", "order_number", "pk", "number", "district_id", "enterprise_id", "project_id",
                        "deadline", "workers_owed", "months_owed", "amount_owed", "recovered_amount"))


def crime_threshold_in_force(province: str, on: dt.date):
    """(single amount, group amount) of the province's figures in force, or None (法释〔2013〕3号 Art. 3)."""
    row = criminal_threshold(province, on)
    return None if row is None else (row.single_amount, row.group_amount)


def inspector_ids(case_ids=(), order_ids=()) -> dict[int, list[int]]:
    """{case or order id: user ids of the case's inspectors not recused} (the ids asked for are the keys)."""
    found: dict[int, list[int]] = {}
    if case_ids:
        for case_id, user_id in CaseInspector.objects.filter(case_id__in=case_ids, recused=False).values_list(
                "case_id", "inspector_id"):
            found.setdefault(case_id, []).append(user_id)
    if order_ids:
        for order_id, user_id in (OrderModel.objects.filter(pk__in=order_ids, case__assignments__recused=False)
                                  .values_list("pk", "case__assignments__inspector_id")):
            if user_id is not None:
                found.setdefault(order_id, []).append(user_id)
    return found


def case_id_of_order(order_id):
    """The case of an order (for a page that links a warning on the order to its case), or None."""
    return OrderModel.objects.filter(pk=order_id).values_list("case_id", flat=True).first()
