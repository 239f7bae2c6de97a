"""What a draw on a deposit needs from the case register (65号 Art. 14), read through cases.facts: a
decision ordering this project's contractor to pay, whose deadline has passed, and which is still unpaid;
and, once the draw is approved, the case's draw-down request marked done."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cases import facts as case_facts
from cases.choices import EscalationKind
from core.formats import yuan
from kernel.errors import RuleRefused
from kernel.roles import Action

from .choices import ApprovalKind
from .models import Approval, Deposit

__all__ = ["DrawdownRequest", "draw_executed", "overdue_payment_order", "pending_drawdowns"]


def overdue_payment_order(project, ref: str, on: dt.date) -> case_facts.PaymentOrder:
    """The payment order that allows a draw on `on`, or RuleRefused naming what is missing (65号 Art. 14)."""
    ref = (ref or "").strip()
    if not ref:
        raise RuleRefused(_("Name the case or decision that ordered payment."))
    order = case_facts.payment_order(ref)
    if order is None:
        raise RuleRefused(_("No decision ordering payment was found under %(ref)s for this project.") % {"ref": ref})
    if order.project_id != project.pk:
        raise RuleRefused(_("Decision %(ref)s concerns another project.") % {"ref": ref})
    if order.paid:
        raise RuleRefused(_("Decision %(ref)s has been complied with: nothing is owed.") % {"ref": ref})
    if order.deadline >= on:
        raise RuleRefused(_("The deadline of decision %(ref)s (%(deadline)s) has not passed yet.")
                          % {"ref": ref, "deadline": order.deadline.isoformat()})
    return order


@dataclass
class DrawdownRequest:
    """A case's pending request to draw on the deposit, with what the user can do about it: the deposit of
    the case's project (when the user may act on it) and a draw already waiting for approval."""

    request: object  # cases.EscalationRequest
    deposit: object = None
    pending_draw: object = None  # deposits.Approval

    @property
    def case(self):
        return self.request.case


def pending_drawdowns(user) -> list[DrawdownRequest]:
    """The pending "deposit draw-down" requests of the cases the user sees, oldest first (three queries)."""
    requests = list(case_facts.pending_requests(user, EscalationKind.DEPOSIT_DRAWDOWN))
    if not requests:
        return []
    deposits = {d.project_id: d for d in Deposit.objects.visible_to(user, Action.CHANGE)
                .filter(project_id__in={r.case.project_id for r in requests if r.case.project_id})}
    draws = {a.case_id: a for a in Approval.objects.visible_to(user).pending()
             .filter(kind=ApprovalKind.DRAW, case_id__in={r.case_id for r in requests}).order_by("-pk")}
    return [DrawdownRequest(r, deposits.get(r.case.project_id), draws.get(r.case_id)) for r in requests]


def draw_executed(approval, *, actor, on=None):
    """Called by the approval of a draw, in its transaction: the case's pending draw-down request, if the
    approving official sees one, is done. A draw without a request (an official acting first) is fine."""
    if approval.case_id is None:
        return None
    note = _("Wage deposit drawn: %(amount)s paid to %(n)d workers (approval %(pk)d).") % {
        "amount": yuan(approval.amount), "n": approval.workers, "pk": approval.pk}
    return case_facts.complete_drawdown(approval.case_id, actor=actor, note=note, on=on)
