"""Money on a case: wages recovered (追发) with the workers paid, additional compensation (Decree 423
Art. 26) and the requests to draw on the wage deposit or review the employer for the joint-punishment list,
with their completion by the app that acted on them."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.kinds import AuditKind
from core.aggregates import MoneySum
from core.formats import CENT, percent, yuan
from core.identity import InvalidIdNumber, normalise_id_number, parse_id_number
from kernel.errors import IllegalTransition, RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action

from .. import rules
from ..choices import CaseStatus, EscalationKind, EscalationStatus, EventKind, RecoveryKind, RecoveryStatus
from ..models import EscalationRequest, RecoveredWorker, Recovery
from .common import lock_case, record_event, require_status, save, today
from .lifecycle import transition

__all__ = ["check_confirm_recovery", "check_order_compensation", "check_record_recovery", "check_request_escalation",
           "check_reverse_recovery", "complete_escalation", "confirm_recovery", "order_compensation", "outstanding",
           "record_recovery", "request_escalation", "reverse_recovery"]

S = CaseStatus
RECOVERY_STATES = [S.FILED, S.INVESTIGATING, S.ORDER_ISSUED, S.OVERDUE, S.COMPLIED, S.TRANSFERRED]


def _headcount(case) -> int:
    """How many workers the case is about: the case's count, or the latest order's if it names more."""
    order = case.orders.order_by("-issued_on", "-pk").first()
    return max(case.workers_owed, order.workers if order else 0)


def outstanding(case) -> Decimal:
    """What may still be paid without a second look: the wages unpaid plus any additional compensation
    ordered (Decree 423 Art. 26). Interest or a compensation agreed later can make a payment larger."""
    return max(case.amount_owed + (case.compensation_amount or 0) - case.recovered_amount, Decimal(0))


def _check_workers(workers, *, amount: Decimal, workers_paid: int) -> list[dict]:
    lines = []
    for number, w in enumerate(workers, start=1):
        name = (w.get("name") or "").strip()
        if not name:
            continue
        try:
            line_amount = rules.money(Decimal(str(w["amount"])))
        except (InvalidOperation, KeyError, TypeError) as exc:
            raise RuleRefused(_("Line %(n)d: the amount is not a number.") % {"n": number}, "workers") from exc
        if line_amount <= 0:
            raise RuleRefused(_("Line %(n)d: the amount must be positive.") % {"n": number}, "workers")
        id_number = normalise_id_number(w.get("id_number"))
        if id_number:
            try:
                id_number = parse_id_number(id_number)
            except InvalidIdNumber as exc:
                raise RuleRefused(_("Line %(n)d: %(error)s") % {"n": number, "error": exc}, "workers") from exc
        lines.append({"name": name[:50], "id_number": id_number, "amount": line_amount})
    if lines and len(lines) != workers_paid:
        raise RuleRefused(_("The list names %(lines)d workers but %(paid)d were paid: list every worker paid, or "
                            "none.") % {"lines": len(lines), "paid": workers_paid}, "workers")
    total = sum((w["amount"] for w in lines), Decimal(0))
    if lines and total != amount:
        raise RuleRefused(_("The workers' amounts add up to %(sum)s, not the %(amount)s paid.") % {
            "sum": yuan(total), "amount": yuan(amount)}, "workers")
    return lines


def check_record_recovery(actor, case) -> None:
    """Wages paid are recorded while the case is open and not closed."""
    require_status(case, RECOVERY_STATES, _("Recording recovered wages"))


@transaction.atomic
def record_recovery(case, *, actor, paid_on, amount: Decimal, workers_paid: int, workers=(), note: str = "",
                    reason: str = ""):
    """Record wages paid to workers. What cannot be true is refused (a future date, more workers than the
    case has, worker lines that do not add up). A payment above what is still owed (interest, compensation)
    needs a reason and waits for a second official's confirmation before it counts. When the order's
    amount is reached the case has complied (on time or late: the compensation already decided stays due)."""
    case = lock_case(case, actor)
    check_record_recovery(actor, case)
    if amount is None or amount <= 0:
        raise RuleRefused(_("The amount must be positive."), "amount")
    amount = rules.money(amount)
    if workers_paid is None or workers_paid < 1:
        raise RuleRefused(_("At least one worker was paid."), "workers_paid")
    if paid_on is None or paid_on > today():
        raise RuleRefused(_("A payment cannot be dated in the future."), "paid_on")
    headcount = _headcount(case)
    if headcount and workers_paid > headcount:
        raise RuleRefused(_("The case is about %(n)d workers: %(paid)d cannot have been paid.") % {
            "n": headcount, "paid": workers_paid}, "workers_paid")
    lines = _check_workers(workers, amount=amount, workers_paid=workers_paid)
    reason = (reason or "").strip()
    above = amount > outstanding(case)
    if above and not reason:
        raise RuleRefused(_("%(amount)s is more than the %(owed)s still owed: give the reason (interest, "
                            "compensation); a second official must confirm it.") % {
            "amount": yuan(amount), "owed": yuan(outstanding(case))}, "reason")
    recovery = save(Recovery(case=case, paid_on=paid_on, amount=amount, workers_paid=workers_paid,
                             note=note.strip(), reason=reason, recorded_by=actor,
                             status=RecoveryStatus.PENDING if above else RecoveryStatus.CONFIRMED), actor)
    for w in lines:
        save(RecoveredWorker(recovery=recovery, **w), actor)
    if above:
        record_event(case, EventKind.RECOVERY, _("%(amount)s paid to %(n)d workers: above what is owed, awaits a "
                                                 "second official's confirmation") % {
            "amount": yuan(amount), "n": workers_paid}, actor=actor, on=paid_on, detail=reason,
            audit=AuditKind.CASE_RECOVERY_PENDING, amount=amount, workers=workers_paid, recovery=recovery.pk)
        return recovery
    record_event(case, EventKind.RECOVERY, _("%(amount)s paid to %(n)d workers") % {
        "amount": yuan(amount), "n": workers_paid}, actor=actor, on=paid_on, detail=recovery.note,
        audit=AuditKind.CASE_WAGES_RECOVERED, amount=amount, workers=workers_paid, recovery=recovery.pk)
    _follow_totals(case, actor=actor, on=paid_on)
    return recovery


def check_confirm_recovery(actor, case, recovery=None) -> None:
    """Maker ≠ checker: a payment awaiting confirmation is confirmed by another official than its recorder.
    Without `recovery`: whether any payment of the case is there for the actor to confirm."""
    pending = [recovery] if recovery is not None else list(case.recoveries.pending())
    if not pending or any(r.status != RecoveryStatus.PENDING for r in pending):
        raise IllegalTransition(_("This payment is not awaiting confirmation."))
    if all(r.recorded_by_id == getattr(actor, "pk", None) for r in pending):
        raise PermissionDenied(_("A payment must be confirmed by someone other than the official who recorded it."))


@transaction.atomic
def confirm_recovery(recovery, *, actor, approve: bool, note: str = ""):
    """The second official confirms (or not) a payment above what was owed; the recorder cannot (maker ≠
    checker). A confirmed payment counts from then on."""
    case = lock_case(recovery.case, actor, Action.APPROVE)
    recovery = Recovery.objects.select_for_update().get(pk=recovery.pk, case=case)
    check_confirm_recovery(actor, case, recovery)
    note = (note or "").strip()
    if not approve and not note:
        raise RuleRefused(_("Say why the payment is not confirmed."), "note")
    recovery.status = RecoveryStatus.CONFIRMED if approve else RecoveryStatus.REFUSED
    recovery.confirmed_by, recovery.confirmed_at = actor, timezone.now()
    save(recovery, actor)
    title = (_("Payment of %(amount)s confirmed") if approve else _("Payment of %(amount)s not confirmed")) % {
        "amount": yuan(recovery.amount)}
    record_event(case, EventKind.RECOVERY, title, actor=actor, detail=note,
                 audit=AuditKind.CASE_RECOVERY_CONFIRMED if approve else AuditKind.CASE_RECOVERY_REFUSED,
                 recovery=recovery.pk, amount=recovery.amount)
    if approve:
        _follow_totals(case, actor=actor, on=recovery.paid_on)
    return recovery


def check_reverse_recovery(actor, case, recovery=None) -> None:
    """Only a counted payment not corrected yet can be corrected. Without `recovery`: whether the case has one."""
    require_status(case, RECOVERY_STATES, _("Correcting a recovery"))
    if recovery is None:
        if not case.recoveries.correctable().exists():
            raise IllegalTransition(_("Only a counted payment can be corrected."))
        return
    if recovery.kind != RecoveryKind.PAYMENT or recovery.status != RecoveryStatus.CONFIRMED:
        raise IllegalTransition(_("Only a counted payment can be corrected."))
    if recovery.reversals.exists():
        raise IllegalTransition(_("This payment was corrected already."))


@transaction.atomic
def reverse_recovery(recovery, *, actor, reason: str, on=None):
    """Correct a wrong entry: a reversal entry with the reason, never an edit. The case's totals and state
    follow (a compliance the wrong entry caused is undone)."""
    case = lock_case(recovery.case, actor)
    require_status(case, RECOVERY_STATES, _("Correcting a recovery"))
    recovery = Recovery.objects.select_for_update().get(pk=recovery.pk, case=case)
    check_reverse_recovery(actor, case, recovery)
    reason = (reason or "").strip()
    if not reason:
        raise RuleRefused(_("Give the reason for the correction."), "reason")
    on = on or today()
    reversal = save(Recovery(case=case, kind=RecoveryKind.REVERSAL, reverses=recovery, paid_on=on,
                             amount=-recovery.amount, workers_paid=recovery.workers_paid, reason=reason,
                             recorded_by=actor), actor)
    record_event(case, EventKind.RECOVERY, _("Correction: the payment of %(amount)s on %(day)s is reversed") % {
        "amount": yuan(recovery.amount), "day": f"{recovery.paid_on:%Y-%m-%d}"}, actor=actor, on=on, detail=reason,
        audit=AuditKind.CASE_RECOVERY_REVERSED, recovery=recovery.pk, reversal=reversal.pk, amount=recovery.amount)
    _follow_totals(case, actor=actor, on=on)
    return reversal


def _follow_totals(case, *, actor, on) -> None:
    """Recompute the case's totals from its counted entries, then let the state follow them: the order's
    amount reached → complied; a correction that takes it below again → back to the state before."""
    counted = Recovery.objects.filter(case=case, kind=RecoveryKind.PAYMENT, status=RecoveryStatus.CONFIRMED,
                                      reversals__isnull=True)
    totals = counted.aggregate(amount=MoneySum("amount"), workers=Sum("workers_paid"))
    case.recovered_amount = totals["amount"] or Decimal("0.00")
    case.recovered_workers = totals["workers"] or 0
    save(case, actor)
    order = case.orders.order_by("-issued_on", "-pk").first()
    if order is None:
        return
    if case.status in (S.ORDER_ISSUED, S.OVERDUE) and case.recovered_amount >= order.amount:
        before = case.status
        late = case.status == S.OVERDUE or on > order.deadline
        transition(case, S.COMPLIED)
        save(case, actor)
        record_event(case, EventKind.COMPLIED, _("Order complied with late") if late else _("Order complied with"),
                     actor=actor, on=on, late=late, before=before)
    elif case.status == S.COMPLIED and case.recovered_amount < order.amount:
        complied = case.events.filter(kind=EventKind.COMPLIED).order_by("-pk").first()
        before = (complied.data.get("before") if complied else "") or S.ORDER_ISSUED
        # Not a transition of the state machine: the compliance never happened, the entry that caused it was
        # wrong. The case returns to where it was, with an event saying so.
        case.status = before
        save(case, actor)
        record_event(case, EventKind.COMPLIED, _("Compliance withdrawn: %(unpaid)s of the order still unpaid") % {
            "unpaid": yuan(order.amount - case.recovered_amount)}, actor=actor, on=on,
            audit=AuditKind.CASE_COMPLIANCE_WITHDRAWN, status=before)


def check_order_compensation(actor, case) -> None:
    """Decree 423 Art. 26: once per case, after the order went unpaid."""
    require_status(case, [S.OVERDUE], _("Ordering additional compensation"))
    if case.compensation_amount is not None:
        raise IllegalTransition(_("Additional compensation was ordered already."))


@transaction.atomic
def order_compensation(case, *, actor, rate: Decimal, on=None):
    """Decree 423 Art. 26: additional compensation of 50–100% of the wages still due, once per case."""
    case = lock_case(case, actor)
    check_order_compensation(actor, case)
    if rate is None or not (rules.COMPENSATION_MIN_RATE <= rate <= rules.COMPENSATION_MAX_RATE):
        raise RuleRefused(_("The rate must be between %(low)s and %(high)s (Decree 423 Art. 26).") % {
            "low": percent(rules.COMPENSATION_MIN_RATE), "high": percent(rules.COMPENSATION_MAX_RATE)}, "rate")
    case.compensation_rate = rate
    case.compensation_amount = rules.compensation_amount(case.amount_unpaid, rate)
    save(case, actor)
    record_event(case, EventKind.COMPENSATION, _("Additional compensation ordered: %(amount)s (%(rate)s)") % {
        "amount": yuan(case.compensation_amount), "rate": percent(rate)}, actor=actor, on=on,
        amount=case.compensation_amount, rate=rate)
    return case


# The audit kind of each escalation request and of its completion (one member per escalation kind).
ESCALATION_REQUESTED = {EscalationKind.DEPOSIT_DRAWDOWN: AuditKind.CASE_DEPOSIT_DRAWDOWN_REQUESTED,
                        EscalationKind.BLACKLIST_REVIEW: AuditKind.CASE_BLACKLIST_REVIEW_REQUESTED}
ESCALATION_DONE = {EscalationKind.DEPOSIT_DRAWDOWN: AuditKind.CASE_DEPOSIT_DRAWDOWN_DONE,
                   EscalationKind.BLACKLIST_REVIEW: AuditKind.CASE_BLACKLIST_REVIEW_DONE}


def check_request_escalation(actor, case) -> None:
    """A draw-down or list review is requested once the order went unpaid (overdue or transferred)."""
    require_status(case, [S.OVERDUE, S.TRANSFERRED], _("An escalation request"))


@transaction.atomic
def request_escalation(case, *, actor, kind: str, reason: str, amount: Decimal | None = None, on=None):
    """Ask the deposits app to draw on the wage deposit (治欠保支) or the blacklist app to review the employer.
    The request carries the facts those apps need; they pick pending rows up and mark them done."""
    case = lock_case(case, actor)
    check_request_escalation(actor, case)
    if kind not in EscalationKind.values:
        raise RuleRefused(_("Choose what to request."), "kind")
    if EscalationRequest.objects.filter(case=case, kind=kind, status=EscalationStatus.PENDING).exists():
        raise IllegalTransition(_("Such a request is pending already."))
    if not reason.strip():
        raise RuleRefused(_("Give the reason."), "reason")
    if kind == EscalationKind.DEPOSIT_DRAWDOWN and (amount is None or not 0 < amount <= case.amount_unpaid):
        raise RuleRefused(_("Draw between %(least)s and the unpaid %(unpaid)s.") % {
            "least": yuan(CENT), "unpaid": yuan(case.amount_unpaid)},
                          "amount")
    on = on or today()
    order = case.orders.order_by("-issued_on", "-pk").first()
    basis = {
        "case": case.number, "enterprise": case.enterprise_id, "credit_code": getattr(case.enterprise, "credit_code",
                                                                                      ""),
        "order": order.number if order else "", "order_deadline": order.deadline.isoformat() if order else "",
        "unpaid": str(case.amount_unpaid), "workers": case.workers_owed,
    }
    request = save(EscalationRequest(case=case, kind=kind, amount=rules.money(amount) if amount else None,
                                     reason=reason.strip(), basis=basis, requested_by=actor, requested_on=on), actor)
    record_event(case, EventKind.ESCALATION, _("%(kind)s requested") % {"kind": EscalationKind(kind).label},
                 actor=actor, on=on, detail=request.reason, audit=ESCALATION_REQUESTED[kind],
                 amount=request.amount or "")
    return request


@transaction.atomic
def complete_escalation(request: EscalationRequest, *, actor, note: str = "", on=None) -> EscalationRequest:
    """Mark a pending request done: the app it was addressed to has acted on it (the deposits app when a draw
    for the case is approved and paid). Called by that app with its own official as the actor, who must see
    the case; the note goes on the case's timeline."""
    request = lock_in_scope(EscalationRequest.objects.select_related("case__district", "case__enterprise"), actor,
                            Action.VIEW, denied=_("You may not act on this request."), pk=request.pk)
    if request.status != EscalationStatus.PENDING:
        raise IllegalTransition(_("Only a pending request can be completed."))
    note = note.strip()
    request.status = EscalationStatus.DONE
    request.basis = {**request.basis, "done": note[:500]} if note else request.basis
    save(request, actor)
    record_event(request.case, EventKind.ESCALATION, _("%(kind)s done") % {"kind": request.get_kind_display()},
                 actor=actor, on=on, detail=note, audit=ESCALATION_DONE[request.kind], request=request.pk)
    return request
