"""Requests that a second official approves: deposit draws, deposit returns and fund advances.

The maker files the request; a different user whose role may APPROVE decides it. The money moves only
on approval, under the row lock of the deposit or fund, so two approvals of 60 % each cannot both be
paid from one balance (peers.md P33)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from core.formats import yuan
from core.workdays import WorkdayCalendar
from kernel.errors import Conflict, IllegalTransition, RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action
from kernel.scoping import can

from .. import draws
from ..choices import BANK_PAY_WORKDAYS, TOPUP_WORKDAYS, ApprovalKind, ApprovalStatus, DepositStatus, EntryKind
from ..models import Approval
from . import deposit as dep
from . import funds
from .ledger import new_key, two_places


def _existing(key):
    return Approval.objects.filter(idempotency_key=key).first() if key else None


def clean_payees(payees, amount: Decimal) -> list[dict]:
    """Named workers and what each receives; the total is the draw (65号 Art. 14: paid to the workers)."""
    rows = []
    for payee in payees or []:
        name = str(payee.get("name", "")).strip()
        value = two_places(payee.get("amount", 0))
        if not name or value <= 0:
            raise RuleRefused(_("Each worker needs a name and a positive amount."), "payees")
        rows.append({"name": name[:50], "amount": str(value)})
    if not rows:
        raise RuleRefused(_("Name the workers to be paid."), "payees")
    if sum(Decimal(r["amount"]) for r in rows) != amount:
        raise RuleRefused(_("The workers' amounts must add up to the draw."), "payees")
    return rows


def check_request_draw(actor, deposit) -> None:
    """A draw needs money held on the deposit (the case's overdue order is checked with the request)."""
    if deposit.status not in DepositStatus.held():
        raise IllegalTransition(_("Nothing is held on this deposit."))


def check_request_return(actor, deposit) -> None:
    """The review found no arrears; one return request at a time."""
    if deposit.status != DepositStatus.RETURN_REVIEW:
        raise IllegalTransition(_("No return is under review."))
    if deposit.approvals.filter(kind=ApprovalKind.RETURN, status=ApprovalStatus.PENDING).exists():
        raise RuleRefused(_("A return is already waiting for approval."))


@transaction.atomic
def request_draw(deposit, *, actor, amount, case_ref, payees, reason, key=None) -> Approval:
    """Ask to draw on the deposit for a case whose payment order is overdue (65号 Art. 14)."""
    found = _existing(key)
    if found is not None:
        return found
    deposit = dep.locked(deposit, actor)
    amount = two_places(amount)
    if amount <= 0:
        raise RuleRefused(_("The amount must be positive."), "amount")
    check_request_draw(actor, deposit)
    order = draws.overdue_payment_order(deposit.project, case_ref, dep.today())
    if amount > deposit.balance:
        raise RuleRefused(_("The draw exceeds the balance of %(balance)s.")
                              % {"balance": yuan(deposit.balance)}, "amount")
    if order.amount is not None and amount > order.amount:
        raise RuleRefused(_("The draw exceeds the %(unpaid)s still unpaid in the case.")
                              % {"unpaid": yuan(order.amount)}, "amount")
    rows = clean_payees(payees, amount)
    approval = Approval.objects.create(
        kind=ApprovalKind.DRAW, deposit=deposit, district=deposit.project.district, amount=amount,
        workers=len(rows), payees=rows, case_id=order.case_id, case_ref=order.ref, order_deadline=order.deadline,
        reason=reason,
        requested_by=actor, idempotency_key=key or new_key())
    dep.log(deposit, AuditKind.DEPOSIT_DRAW_REQUESTED, _("Deposit draw of %(amount)s requested for %(ref)s")
            % {"amount": yuan(amount), "ref": order.ref}, actor=actor, approval=approval.pk,
            amount=str(amount), case=order.ref)
    return approval


@transaction.atomic
def request_return(deposit, *, actor, reason, key=None) -> Approval:
    """The review found no arrears: ask a second official to confirm the return (65号 Art. 22)."""
    found = _existing(key)
    if found is not None:
        return found
    deposit = dep.locked(deposit, actor)
    check_request_return(actor, deposit)
    balance = deposit.balance
    if balance <= 0:
        raise RuleRefused(_("Nothing is held on this deposit."))
    dep.mark_reviewed(deposit, dep.today())
    dep.save(deposit, actor)
    approval = Approval.objects.create(
        kind=ApprovalKind.RETURN, deposit=deposit, district=deposit.project.district, amount=balance,
        reason=reason, requested_by=actor, idempotency_key=key or new_key())
    dep.log(deposit, AuditKind.DEPOSIT_RETURN_REQUESTED, _("Deposit return of %(amount)s reviewed; confirmation due by "
                                                   "%(day)s") % {"amount": yuan(balance),
                                                                 "day": deposit.confirmation_due_on.isoformat()},
            actor=actor, approval=approval.pk)
    return approval


@transaction.atomic
def request_advance(fund, *, actor, amount, workers, case_ref, reason, case=None, key=None) -> Approval:
    """Ask to advance wages from an emergency fund for a case."""
    found = _existing(key)
    if found is not None:
        return found
    fund = funds.locked(fund, actor)
    amount = two_places(amount)
    if amount <= 0 or workers < 1:
        raise RuleRefused(_("Give a positive amount and the number of workers."))
    if not case_ref.strip():
        raise RuleRefused(_("Name the case."), "case_ref")
    if amount > fund.balance:
        raise RuleRefused(_("An advance larger than the balance of %(balance)s is refused.")
                              % {"balance": yuan(fund.balance)}, "amount")
    approval = Approval.objects.create(
        kind=ApprovalKind.ADVANCE, fund=fund, district=fund.district, amount=amount, workers=workers,
        case=case, case_ref=case_ref.strip(), reason=reason, requested_by=actor, idempotency_key=key or new_key())
    events.record(AuditKind.FUND_ADVANCE_REQUESTED, actor=actor, obj=fund, district=fund.district, approval=approval.pk,
                  amount=str(amount), workers=workers, case=approval.case_ref)
    return approval


def _decidable(approval, actor) -> Approval:
    if not can(actor, Action.APPROVE, Approval):
        raise PermissionDenied
    row = lock_in_scope(Approval, actor, Action.APPROVE, pk=approval.pk)
    if row.status != ApprovalStatus.PENDING:
        raise Conflict(_("This request has been decided already."))
    if row.requested_by_id == actor.pk:
        raise PermissionDenied(_("The official who made the request cannot approve it."))
    return row


@transaction.atomic
def approve(approval, *, actor, note="") -> Approval:
    """Approve and execute: the money moves now, or the whole approval rolls back."""
    approval = _decidable(approval, actor)
    on = dep.today()
    if approval.kind == ApprovalKind.DRAW:
        _execute_draw(approval, actor, on)
    elif approval.kind == ApprovalKind.RETURN:
        _execute_return(approval, actor, on)
    else:
        funds.execute_advance(approval, actor, on)
    approval.status, approval.decided_by, approval.decided_at = ApprovalStatus.APPROVED, actor, timezone.now()
    approval.decision_note = note.strip()
    approval._history_user = actor
    approval.save()
    return approval


def _execute_draw(approval, actor, on):
    deposit = dep.locked(approval.deposit, actor)
    if deposit.status not in DepositStatus.held():
        raise RuleRefused(_("Nothing is held on this deposit."))
    # The order is checked again: it may have been complied with since the request.
    draws.overdue_payment_order(deposit.project, approval.case_ref, on)
    calendar = WorkdayCalendar()
    dep.book(deposit, EntryKind.DRAWN, -approval.amount, actor=actor, key=f"draw-{approval.pk}", on=on,
             memo=approval.case_ref, approval=approval)
    dep.book(deposit, EntryKind.TOPUP_DUE, 0, actor=actor, key=f"topup-due-{approval.pk}", on=on,
             noted=approval.amount, approval=approval)
    approval.bank_pay_by = calendar.add_workdays(on, BANK_PAY_WORKDAYS)
    deposit.status = DepositStatus.TOPUP_DUE
    deposit.topup_due_on = calendar.add_workdays(on, TOPUP_WORKDAYS)
    dep.save(deposit, actor)
    dep.log(deposit, AuditKind.DEPOSIT_DRAWN, _("Deposit drawn: %(amount)s to %(n)d workers; top-up due by %(day)s")
            % {"amount": yuan(approval.amount), "n": approval.workers, "day": deposit.topup_due_on.isoformat()},
            actor=actor, approval=approval.pk, amount=str(approval.amount), case=approval.case_ref)
    # The case asked for this draw (cases.EscalationRequest): its request is now done.
    draws.draw_executed(approval, actor=actor, on=on)


def _execute_return(approval, actor, on):
    deposit = dep.locked(approval.deposit, actor)
    if deposit.status != DepositStatus.RETURN_REVIEW:
        raise RuleRefused(_("No return is under review."))
    balance = deposit.balance
    if balance > 0:
        dep.book(deposit, EntryKind.RETURNED, -balance, actor=actor, key=f"return-{approval.pk}", on=on,
                 approval=approval)
    deposit.status, deposit.returned_on = DepositStatus.RETURNED, on
    dep.save(deposit, actor)
    dep.log(deposit, AuditKind.DEPOSIT_RETURNED, _("Deposit returned: %(amount)s") % {"amount": yuan(balance)},
            actor=actor, approval=approval.pk, amount=str(balance))


@transaction.atomic
def reject(approval, *, actor, note) -> Approval:
    if not note.strip():
        raise RuleRefused(_("Give a reason."), "note")
    approval = _decidable(approval, actor)
    approval.status, approval.decided_by, approval.decided_at = ApprovalStatus.REJECTED, actor, timezone.now()
    approval.decision_note = note.strip()
    approval._history_user = actor
    approval.save()
    target = approval.target
    events.record(AuditKind.APPROVAL_REJECTED, actor=actor, obj=approval, district=approval.district,
                  kind=approval.kind, target=f"{target._meta.label_lower}:{target.pk}")
    return approval


def may_decide(approval, user) -> bool:
    return (approval.status == ApprovalStatus.PENDING and approval.requested_by_id != user.pk
            and Approval.objects.visible_to(user, Action.APPROVE).filter(pk=approval.pk).exists())


__all__ = ["approve", "may_decide", "reject", "request_advance", "request_draw", "request_return"]
