"""What the deposits app reads from, and tells, the case register (cases app, issue 6). The two providers
are plugged into deposits.providers; they live here because cases does not expose these answers itself, and
can move into cases/ (registered from its AppConfig.ready()) without any change to the deposits code. The
functions below them are called by the deposits forms, views and services directly.

- Arrears record: a case against the enterprise that ended with arrears established (any outcome but
  "no violation"), or that issued an order to pay; dated by the filing day.
- Payment orders: a draw names the case number; the case's latest rectification order (the order to pay)
  must belong to this project, be past its deadline and still unpaid (65号 Art. 14).
- Draw-down requests: a case asks for a draw with an EscalationRequest of kind "deposit draw-down". The
  approvals page lists the pending ones (pending_drawdowns); an approved draw for the case marks the request
  done through cases.services.complete_escalation (draw_executed).

The rest of the deposits app reaches the cases app only through this module (and the Approval.case key)."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases import services
from cases.choices import CaseOutcome, CaseStatus, EscalationKind, EscalationStatus
from cases.models import Case, EscalationRequest
from core.formats import yuan
from kernel.roles import Action

from .providers import PaymentOrder


def arrears_outcomes():

    return [o for o in CaseOutcome.values if o != CaseOutcome.NO_VIOLATION]


class CaseArrears:
    name = "cases"
    label = _("case register")

    def arrears(self, enterprise_ids, start, end):

        rows = (Case.objects.filter(enterprise_id__in=enterprise_ids, filed_on__range=(start, end))
                .filter(Q(outcome__in=arrears_outcomes()) | Q(orders__isnull=False))
                .values_list("enterprise_id", "filed_on").distinct())
        found: dict[int, list] = {}
        for enterprise_id, filed_on in rows:
            found.setdefault(enterprise_id, []).append(filed_on)
        return found


class CaseOrders:
    name = "cases"

    def find(self, project, ref):

        case = Case.objects.filter(Q(number=ref) | Q(orders__number=ref)).distinct().first()
        if case is None:
            return None
        order = case.orders.order_by("-issued_on", "-pk").first()
        if order is None:
            return None
        return PaymentOrder(
            ref=case.number, label=f"{case.number} / {order.number}", project_id=case.project_id,
            deadline=order.deadline, paid=case.status == CaseStatus.COMPLIED or case.amount_unpaid <= 0,
            amount=case.amount_unpaid, case_id=case.pk)


# --- cases named on deposit and fund forms ------------------------------------------------------


def overdue_case_numbers(user, project, limit=20) -> list[str]:
    """The numbers of the project's cases (visible to the user) whose order to pay ran out: the draw form's hint."""

    return list(Case.objects.visible_to(user).filter(project=project,
                                                     status__in=[CaseStatus.OVERDUE, CaseStatus.TRANSFERRED])
                .values_list("number", flat=True)[:limit])


def visible_case(user, number):
    """The case with this number if the user may view it, else None (a fund advance names its case)."""

    return Case.objects.visible_to(user, Action.VIEW).filter(number=number).first()


# --- draw-down requests from cases ------------------------------------------------------------


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

    from .choices import ApprovalKind
    from .models import Approval, Deposit

    requests = list(EscalationRequest.objects.visible_to(user)
                    .filter(kind=EscalationKind.DEPOSIT_DRAWDOWN, status=EscalationStatus.PENDING)
                    .select_related("case__project", "case__enterprise").order_by("requested_on", "pk"))
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
    request = (EscalationRequest.objects.visible_to(actor)
               .filter(case_id=approval.case_id, kind=EscalationKind.DEPOSIT_DRAWDOWN,
                       status=EscalationStatus.PENDING).first())
    if request is None:
        return None
    note = gettext("Wage deposit drawn: %(amount)s paid to %(n)d workers (approval %(pk)d).") % {
        "amount": yuan(approval.amount), "n": approval.workers, "pk": approval.pk}
    return services.complete_escalation(request, actor=actor, note=note, on=on)
