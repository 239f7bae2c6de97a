"""The case state machine (domain.md §6.3–6.4): inspectors and recusal, the investigation deadline and its
one extension, the rectification order, overdue, closing and withdrawal.

    FILED ──(2 inspectors)──▶ INVESTIGATING ──order──▶ ORDER_ISSUED ──paid──▶ COMPLIED ──▶ CLOSED
      │                          │    │                    │ deadline passed
      └──────▶ WITHDRAWN ◀───────┘    └──▶ CLOSED          ▼
                                                        OVERDUE ──paid──▶ COMPLIED
                                                           ├──▶ TRANSFERRED (police) ──▶ CLOSED
                                                           └──▶ CLOSED
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.kinds import AuditKind
from core.formats import yuan
from kernel.errors import IllegalTransition, RuleRefused
from kernel.roles import Action
from kernel.scoping import can

from .. import rules
from ..choices import CaseOutcome, CaseStatus, EventKind, ExtensionStatus, ServiceMethod
from ..models import Case, CaseInspector, Order
from .common import (
    CASEWORKER_ROLES,
    calendar,
    deadline,
    is_caseworker,
    lock_case,
    record_event,
    require_status,
    save,
    today,
)

__all__ = [
    "CLOSING_OUTCOMES",
    "TRANSITIONS",
    "assign_inspector",
    "check_assign_inspector",
    "check_close_case",
    "check_decide_extension",
    "check_issue_order",
    "check_mark_overdue",
    "check_recuse",
    "check_request_extension",
    "check_withdraw_case",
    "close_case",
    "decide_extension",
    "issue_order",
    "mark_overdue",
    "recuse_inspector",
    "request_extension",
    "transition",
    "withdraw_case",
]

S = CaseStatus
TRANSITIONS = {
    S.FILED: {S.INVESTIGATING, S.WITHDRAWN},
    S.INVESTIGATING: {S.ORDER_ISSUED, S.CLOSED, S.WITHDRAWN},
    S.ORDER_ISSUED: {S.COMPLIED, S.OVERDUE},
    S.OVERDUE: {S.COMPLIED, S.TRANSFERRED, S.CLOSED},
    S.COMPLIED: {S.CLOSED},
    S.TRANSFERRED: {S.CLOSED},
    S.CLOSED: set(),
    S.WITHDRAWN: set(),
}

# Decree 423 Art. 18: the outcomes that may close a case from each state.
Out = CaseOutcome
CLOSING_OUTCOMES = {
    S.INVESTIGATING: {Out.NO_VIOLATION, Out.CORRECTED_ON_SPOT, Out.PENALTY, Out.HANDLING_DECISION},
    S.COMPLIED: {Out.RECTIFIED, Out.PENALTY, Out.HANDLING_DECISION},
    S.OVERDUE: {Out.PENALTY, Out.HANDLING_DECISION, Out.COURT_ENFORCEMENT},
    S.TRANSFERRED: {Out.TRANSFERRED},
}


def transition(case, to) -> None:
    """Move the case to `to` or refuse with a clear message (the caller saves and records the event)."""
    if to not in TRANSITIONS[case.status]:
        raise IllegalTransition(_("A case that is “%(current)s” cannot become “%(target)s”.") % {
            "current": case.get_status_display(), "target": S(to).label})
    case.status = to


def active_inspectors(case) -> list:
    """The inspectors who count towards the two of Decree 423 Art. 16: not recused, still inspectors."""
    return list(CaseInspector.objects.filter(case=case, recused=False, inspector__role__in=CASEWORKER_ROLES,
                                             inspector__is_active=True).select_related("inspector"))


def check_assign_inspector(actor, case, inspector=None) -> None:
    """Whether `inspector` (any, when None) may be put on the case: an open case, an inspector of its
    district, not on it already nor recused from it. An inbox row annotated `assigned_ever=False` spares the
    look-up of an earlier assignment."""
    require_status(case, CaseStatus.open(), _("Assigning an inspector"))
    if inspector is None:
        return
    if not is_caseworker(inspector, case.district_id):
        raise RuleRefused(_("Only an inspector of %(district)s can be assigned (Decree 423 Art. 16).") % {
            "district": case.district}, "inspector")
    if getattr(case, "assigned_ever", True) is False:
        return
    existing = CaseInspector.objects.filter(case=case, inspector=inspector).first()
    if existing is not None:
        raise RuleRefused(_("%(name)s recused from this case and cannot be assigned again.") % {"name": inspector}
                          if existing.recused else _("%(name)s is on the case already.") % {"name": inspector},
                          "inspector")


@transaction.atomic
def assign_inspector(case, *, actor, inspector, on=None):
    """Put an inspector of the case's district on the case; with the second one the investigation starts
    (Decree 423 Art. 16: at least two inspectors)."""
    case = lock_case(case, actor)
    check_assign_inspector(actor, case, inspector)
    CaseInspector.objects.create(case=case, inspector=inspector, assigned_at=timezone.now(), assigned_by=actor)
    record_event(case, EventKind.ASSIGNED, _("%(name)s assigned") % {"name": inspector}, actor=actor, on=on,
                 inspector=inspector.pk)
    if case.status == S.FILED and len(active_inspectors(case)) >= rules.MIN_INSPECTORS:
        transition(case, S.INVESTIGATING)
        save(case, actor)
        record_event(case, EventKind.INVESTIGATION, _("Investigation started"), actor=actor, on=on,
                     audit=AuditKind.CASE_INVESTIGATION_STARTED)
    return case


def check_recuse(actor, case) -> None:
    """A recusal needs an open case with an inspector on it."""
    require_status(case, CaseStatus.open(), _("Recusal"))
    if not any(not a.recused for a in case.assignments.all()):
        raise IllegalTransition(_("No inspector is on the case."))


@transaction.atomic
def recuse_inspector(assignment, *, actor, reason: str, on=None):
    """回避 (Decree 423 Art. 16): the inspector leaves the case; the record stays."""
    case = lock_case(assignment.case, actor)
    check_recuse(actor, case)
    if not reason.strip():
        raise RuleRefused(_("Give the reason for the recusal."), "reason")
    assignment = CaseInspector.objects.select_for_update().get(pk=assignment.pk)
    if assignment.recused:
        raise RuleRefused(_("This inspector has recused already."))
    assignment.recused, assignment.recusal_reason, assignment.recused_at = True, reason.strip(), timezone.now()
    save(assignment, actor)
    record_event(case, EventKind.RECUSED, _("%(name)s recused") % {"name": assignment.inspector}, actor=actor,
                 on=on, detail=assignment.recusal_reason, inspector=assignment.inspector_id)
    return assignment


def check_request_extension(actor, case) -> None:
    """One extension per case, asked while the investigation runs (Decree 423 Art. 17)."""
    require_status(case, [S.FILED, S.INVESTIGATING], _("An extension"))
    if case.extension_status in (ExtensionStatus.REQUESTED, ExtensionStatus.APPROVED):
        raise IllegalTransition(_("The investigation can be extended only once; it was requested already."))


@transaction.atomic
def request_extension(case, *, actor, reason: str, on=None):
    """Ask for the one extension of 30 working days (Decree 423 Art. 17)."""
    case = lock_case(case, actor)
    check_request_extension(actor, case)
    if not reason.strip():
        raise RuleRefused(_("Explain why the case is complex."), "reason")
    case.extension_status, case.extension_reason = ExtensionStatus.REQUESTED, reason.strip()
    case.extension_requested_by = actor
    save(case, actor)
    record_event(case, EventKind.EXTENSION, _("Extension requested"), actor=actor, on=on, detail=case.extension_reason,
                 audit=AuditKind.CASE_EXTENSION_REQUESTED)
    return case


def check_decide_extension(actor, case) -> None:
    """The extension-approver rule, the one place it is written (the service, the case page and the inbox
    ask it): a pending request on a running investigation, decided by an official holding the approval
    right (Decree 423 Art. 17: the department head's approval), never by the one who requested it. The
    case's scope for the approval is the caller's lock (`lock_case(…, Action.APPROVE)`) or the page's rights."""
    if case.extension_status != ExtensionStatus.REQUESTED:
        raise IllegalTransition(_("There is no extension request to decide."))
    if not can(actor, Action.APPROVE, Case):
        raise PermissionDenied(_("Only an official may do this."))
    if case.extension_requested_by_id == actor.pk:
        raise PermissionDenied(_("The extension must be approved by someone other than the requester."))
    require_status(case, [S.FILED, S.INVESTIGATING], _("An extension"))


@transaction.atomic
def decide_extension(case, *, actor, approve: bool, note: str = "", on=None):
    """The department head approves or refuses; an approval moves the deadline to 90 working days."""
    case = lock_case(case, actor, Action.APPROVE)
    check_decide_extension(actor, case)
    if approve:
        case.investigation_deadline = deadline(rules.investigation_deadline, case.filed_on, calendar(),
                                               extended=True)
        case.extension_status = ExtensionStatus.APPROVED
        title = _("Extension approved: investigation due %(day)s") % {"day": f"{case.investigation_deadline:%Y-%m-%d}"}
    else:
        case.extension_status = ExtensionStatus.REFUSED
        title = _("Extension refused")
    case.extension_decided_by = actor
    save(case, actor)
    record_event(case, EventKind.EXTENSION, title, actor=actor, on=on, detail=note.strip(),
                 audit=AuditKind.CASE_EXTENSION_APPROVED if approve else AuditKind.CASE_EXTENSION_REFUSED,
                 deadline=case.investigation_deadline)
    return case


def check_issue_order(actor, case) -> None:
    """An order is issued in the investigation, which starts with the second inspector (Decree 423 Art. 16)."""
    if case.status in (S.FILED, S.INVESTIGATING):
        count = len(active_inspectors(case))
        if count < rules.MIN_INSPECTORS:
            hint = _("Two inspectors must be on the case (Decree 423 Art. 16); %(n)d is assigned now. The "
                     "investigation starts, and an order can be issued, when the second inspector is assigned.") % {
                "n": count}
            if case.status == S.FILED:  # the state refuses, and the panel says what would open it
                raise IllegalTransition(_("%(action)s is not possible while the case is “%(status)s”.") % {
                    "action": _("Issuing an order"), "status": case.get_status_display()} + " " + hint, shown=True)
            raise RuleRefused(hint)
    require_status(case, [S.INVESTIGATING], _("Issuing an order"))


@transaction.atomic
def issue_order(case, *, actor, issued_on, workdays: int, amount, workers: int, requirements: str, served_on,
                service_method: str, service_evidence: str = "", number: str = ""):
    """限期整改指令书: an order to pay by a deadline in working days, and how it was served."""
    case = lock_case(case, actor)
    check_issue_order(actor, case)
    if workdays < 1:
        raise RuleRefused(_("Give at least one working day."), "workdays")
    if amount is None or amount <= 0 or workers < 1:
        raise RuleRefused(_("An order to pay names an amount and the workers."), "amount")
    if served_on < issued_on:
        raise RuleRefused(_("The order cannot be served before it is issued."), "served_on")
    if service_method == ServiceMethod.POSTED and not service_evidence.strip():
        raise RuleRefused(_("A posted order needs its photo or video record (2013 interpretation Art. 4)."),
                          "service_evidence")
    due = deadline(calendar().add_workdays, issued_on, workdays)
    order = Order(case=case, number=number.strip() or f"{case.number}-L{case.orders.count() + 1}",
                  issued_on=issued_on, workdays=workdays, deadline=due, amount=amount, workers=workers,
                  requirements=requirements.strip(), served_on=served_on, service_method=service_method,
                  service_evidence=service_evidence.strip(), issued_by=actor)
    save(order, actor)
    transition(case, S.ORDER_ISSUED)
    case.order_deadline = due
    save(case, actor)
    record_event(case, EventKind.ORDER, _("Rectification order %(number)s: pay %(amount)s by %(day)s") % {
        "number": order.number, "amount": yuan(amount), "day": f"{due:%Y-%m-%d}"}, actor=actor, on=issued_on,
        audit=AuditKind.CASE_ORDER_ISSUED, order=order.number, deadline=due, amount=amount,
        service=service_method)
    return order


def check_mark_overdue(actor, case, on=None) -> None:
    """An issued order whose deadline has passed (the day after the deadline at the earliest)."""
    require_status(case, [S.ORDER_ISSUED], _("Marking the order overdue"))
    if case.order_deadline and (on or today()) <= case.order_deadline:
        raise RuleRefused(_("The order is not overdue before %(day)s.") % {
            "day": f"{case.order_deadline:%Y-%m-%d}"})


@transaction.atomic
def mark_overdue(case, *, actor, on=None):
    """The order's deadline passed with wages still unpaid (the start of Decree 423 Art. 26 and, with the
    amount, of the crime's "still not paid after being ordered")."""
    case = lock_case(case, actor)
    on = on or today()
    check_mark_overdue(actor, case, on)
    transition(case, S.OVERDUE)
    case.became_overdue_on, case.unpaid_when_overdue = on, case.amount_unpaid
    save(case, actor)
    record_event(case, EventKind.OVERDUE, _("Order overdue: %(amount)s unpaid") % {
        "amount": yuan(case.amount_unpaid)},
                 actor=actor, on=on, unpaid=case.amount_unpaid)
    return case


def check_close_case(actor, case) -> None:
    """A case closes from the states that have closing outcomes (Decree 423 Art. 18)."""
    if case.status not in CLOSING_OUTCOMES:
        raise IllegalTransition(_("A case that is “%(current)s” cannot become “%(target)s”.") % {
            "current": case.get_status_display(), "target": S.CLOSED.label})


@transaction.atomic
def close_case(case, *, actor, outcome: str, summary: str, on=None):
    """结案 with an outcome the current state allows."""
    case = lock_case(case, actor)
    check_close_case(actor, case)
    allowed = CLOSING_OUTCOMES[case.status]
    if outcome not in allowed:
        raise IllegalTransition(_("A case that is “%(status)s” cannot be closed as “%(outcome)s”.") % {
            "status": case.get_status_display(), "outcome": Out(outcome).label if outcome in Out.values else outcome})
    if not summary.strip():
        raise RuleRefused(_("Summarise how the case ended."), "summary")
    on = on or today()
    transition(case, S.CLOSED)
    case.outcome, case.closing_summary, case.closed_on = outcome, summary.strip(), on
    save(case, actor)
    record_event(case, EventKind.CLOSED, _("Case closed: %(outcome)s") % {"outcome": Out(outcome).label},
                 actor=actor, on=on, detail=case.closing_summary, outcome=outcome)
    return case


def check_withdraw_case(actor, case) -> None:
    """撤销立案 while the case is filed or under investigation."""
    if S.WITHDRAWN not in TRANSITIONS[case.status]:
        raise IllegalTransition(_("A case that is “%(current)s” cannot become “%(target)s”.") % {
            "current": case.get_status_display(), "target": S.WITHDRAWN.label})


@transaction.atomic
def withdraw_case(case, *, actor, reason: str, on=None):
    """撤销立案 (Decree 423 Art. 18(3)): minor and already corrected."""
    case = lock_case(case, actor)
    check_withdraw_case(actor, case)
    transition(case, S.WITHDRAWN)
    if not reason.strip():
        raise RuleRefused(_("Give the reason for withdrawing the case."), "reason")
    on = on or today()
    case.closing_summary, case.closed_on = reason.strip(), on
    save(case, actor)
    record_event(case, EventKind.WITHDRAWN, _("Case withdrawn"), actor=actor, on=on, detail=case.closing_summary)
    return case
