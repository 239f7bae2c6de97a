"""Money on a case: wages recovered (追发) with the workers paid, additional compensation (Decree 423
Art. 26) and the requests to draw on the wage deposit or review the employer for the joint-punishment list,
with their completion by the app that acted on them."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.choices import Action
from core.formats import CENT, percent, yuan

from .. import rules
from ..choices import CaseStatus, EscalationKind, EscalationStatus, EventKind
from ..models import EscalationRequest, RecoveredWorker, Recovery
from .common import DomainError, IllegalTransition, lock_case, record_event, require_status, save, today
from .lifecycle import transition

__all__ = ["complete_escalation", "order_compensation", "record_recovery", "request_escalation"]

S = CaseStatus
RECOVERY_STATES = [S.FILED, S.INVESTIGATING, S.ORDER_ISSUED, S.OVERDUE, S.COMPLIED, S.TRANSFERRED]


@transaction.atomic
def record_recovery(case, *, actor, paid_on, amount: Decimal, workers_paid: int, workers=(), note: str = ""):
    """Record wages paid to workers. When the order's amount is reached the case has complied (on time or
    late: the compensation already decided stays due)."""
    case = lock_case(case, actor)
    require_status(case, RECOVERY_STATES, _("Recording recovered wages"))
    if amount is None or amount <= 0:
        raise DomainError(_("The amount must be positive."), "amount")
    if workers_paid < 1:
        raise DomainError(_("At least one worker was paid."), "workers_paid")
    workers = [w for w in workers if (w.get("name") or "").strip()]
    if len(workers) > workers_paid:
        raise DomainError(_("The list names more workers than were paid."), "workers")
    if sum((Decimal(w["amount"]) for w in workers), Decimal(0)) > amount:
        raise DomainError(_("The workers' amounts add up to more than the amount paid."), "workers")
    recovery = save(Recovery(case=case, paid_on=paid_on, amount=rules.money(amount), workers_paid=workers_paid,
                             note=note.strip(), recorded_by=actor), actor)
    for w in workers:
        save(RecoveredWorker(recovery=recovery, name=w["name"].strip()[:50],
                             id_number=(w.get("id_number") or "").strip().upper(),
                             amount=rules.money(w["amount"])), actor)
    case.recovered_amount += recovery.amount
    case.recovered_workers += workers_paid
    save(case, actor)
    record_event(case, EventKind.RECOVERY, _("%(amount)s paid to %(n)d workers") % {
        "amount": yuan(recovery.amount), "n": workers_paid}, actor=actor, on=paid_on, detail=recovery.note,
        audit="case_wages_recovered", amount=recovery.amount, workers=workers_paid)
    order = case.orders.order_by("-issued_on", "-pk").first()
    if case.status in (S.ORDER_ISSUED, S.OVERDUE) and order and case.recovered_amount >= order.amount:
        late = case.status == S.OVERDUE or paid_on > order.deadline
        transition(case, S.COMPLIED)
        save(case, actor)
        record_event(case, EventKind.COMPLIED, _("Order complied with late") if late else _("Order complied with"),
                     actor=actor, on=paid_on, late=late)
    return recovery


@transaction.atomic
def order_compensation(case, *, actor, rate: Decimal, on=None):
    """Decree 423 Art. 26: additional compensation of 50–100% of the wages still due, once per case."""
    case = lock_case(case, actor)
    require_status(case, [S.OVERDUE], _("Ordering additional compensation"))
    if case.compensation_amount is not None:
        raise IllegalTransition(_("Additional compensation was ordered already."))
    if rate is None or not (rules.COMPENSATION_MIN_RATE <= rate <= rules.COMPENSATION_MAX_RATE):
        raise DomainError(_("The rate must be between %(low)s and %(high)s (Decree 423 Art. 26).") % {
            "low": percent(rules.COMPENSATION_MIN_RATE), "high": percent(rules.COMPENSATION_MAX_RATE)}, "rate")
    case.compensation_rate = rate
    case.compensation_amount = rules.compensation_amount(case.amount_unpaid, rate)
    save(case, actor)
    record_event(case, EventKind.COMPENSATION, _("Additional compensation ordered: %(amount)s (%(rate)s)") % {
        "amount": yuan(case.compensation_amount), "rate": percent(rate)}, actor=actor, on=on,
        amount=case.compensation_amount, rate=rate)
    return case


@transaction.atomic
def request_escalation(case, *, actor, kind: str, reason: str, amount: Decimal | None = None, on=None):
    """Ask the deposits app to draw on the wage deposit (治欠保支) or the blacklist app to review the employer.
    The request carries the facts those apps need; they pick pending rows up and mark them done."""
    case = lock_case(case, actor)
    require_status(case, [S.OVERDUE, S.TRANSFERRED], _("An escalation request"))
    if kind not in EscalationKind.values:
        raise DomainError(_("Choose what to request."), "kind")
    if EscalationRequest.objects.filter(case=case, kind=kind, status=EscalationStatus.PENDING).exists():
        raise IllegalTransition(_("Such a request is pending already."))
    if not reason.strip():
        raise DomainError(_("Give the reason."), "reason")
    if kind == EscalationKind.DEPOSIT_DRAWDOWN and (amount is None or not 0 < amount <= case.amount_unpaid):
        raise DomainError(_("Draw between %(least)s and the unpaid %(unpaid)s.") % {
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
                 actor=actor, on=on, detail=request.reason, audit=f"case_{kind}_requested",
                 amount=request.amount or "")
    return request


@transaction.atomic
def complete_escalation(request: EscalationRequest, *, actor, note: str = "", on=None) -> EscalationRequest:
    """Mark a pending request done: the app it was addressed to has acted on it (the deposits app when a draw
    for the case is approved and paid). Called by that app with its own official as the actor, who must see
    the case; the note goes on the case's timeline."""
    request = (EscalationRequest.objects.visible_to(actor, Action.VIEW).select_for_update(of=("self",))
               .select_related("case__district", "case__enterprise").filter(pk=request.pk).first())
    if request is None:
        raise PermissionDenied(_("You may not act on this request."))
    if request.status != EscalationStatus.PENDING:
        raise IllegalTransition(_("Only a pending request can be completed."))
    note = note.strip()
    request.status = EscalationStatus.DONE
    request.basis = {**request.basis, "done": note[:500]} if note else request.basis
    save(request, actor)
    record_event(request.case, EventKind.ESCALATION, _("%(kind)s done") % {"kind": request.get_kind_display()},
                 actor=actor, on=on, detail=note, audit=f"case_{request.kind}_done", request=request.pk)
    return request
