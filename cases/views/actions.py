"""The actions a user may take on a case now: one table from action name to form, availability and service
call, shared by the case page (forms), the action endpoint and the inbox's quick actions."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernel.roles import Action
from kernel.scoping import can

from .. import forms, rules, services
from ..choices import CaseStatus, ExtensionStatus, TransferStage
from ..models import Case, CaseInspector, CriminalTransfer, Recovery
from ..services.lifecycle import CLOSING_OUTCOMES, active_inspectors
from ..services.money import RECOVERY_STATES

S = CaseStatus


@dataclass(frozen=True)
class CaseAction:
    name: str
    label: str
    form: type
    states: tuple
    perform: object  # callable(case, user, cleaned_data)
    permission: str = Action.CHANGE
    danger: bool = False
    confirm: str = ""


def _assign(case, user, d):
    return services.assign_inspector(case, actor=user, inspector=d["inspector"])


def _recuse(case, user, d):
    assignment = CaseInspector.objects.get(pk=d["assignment"], case=case)
    return services.recuse_inspector(assignment, actor=user, reason=d["reason"])


def _order(case, user, d):
    return services.issue_order(case, actor=user, issued_on=d["issued_on"], workdays=d["workdays"],
                                amount=d["amount"], workers=d["workers"], requirements=d["requirements"],
                                served_on=d["served_on"], service_method=d["service_method"],
                                service_evidence=d["service_evidence"], number=d["number"])


def _recovery(case, user, d):
    return services.record_recovery(case, actor=user, paid_on=d["paid_on"], amount=d["amount"],
                                    workers_paid=d["workers_paid"], workers=d["workers"], note=d["note"],
                                    reason=d["reason"])


def _recovery_row(case, pk):
    return Recovery.objects.get(pk=pk, case=case)


def _correct(case, user, d):
    return services.reverse_recovery(_recovery_row(case, d["recovery"]), actor=user, reason=d["reason"])


def _confirm(case, user, d):
    return services.confirm_recovery(_recovery_row(case, d["recovery"]), actor=user, approve=d["approve"],
                                     note=d["note"])


def _transfer_update(case, user, d):
    transfer = CriminalTransfer.objects.get(case=case)
    return services.update_transfer(transfer, actor=user, stage=d["stage"], on=d["on"],
                                    police_case_number=d["police_case_number"], court_result=d["court_result"],
                                    note=d["note"])


ACTIONS = [
    CaseAction("assign", _("Assign inspector"), forms.AssignForm, tuple(S.open()), _assign),
    CaseAction("recuse", _("Record recusal"), forms.RecusalForm, tuple(S.open()), _recuse),
    CaseAction("extension", _("Request extension"), forms.ReasonForm, (S.FILED, S.INVESTIGATING),
               lambda c, u, d: services.request_extension(c, actor=u, reason=d["reason"])),
    CaseAction("extension-decision", _("Decide extension"), forms.ExtensionDecisionForm, (S.FILED, S.INVESTIGATING),
               lambda c, u, d: services.decide_extension(c, actor=u, approve=d["approve"], note=d["note"]),
               permission=Action.APPROVE),
    CaseAction("order", _("Issue rectification order"), forms.OrderForm, (S.INVESTIGATING,), _order),
    CaseAction("recovery", _("Record wages paid"), forms.RecoveryForm, tuple(RECOVERY_STATES), _recovery),
    CaseAction("recovery-confirmation", _("Confirm a payment above what is owed"), forms.RecoveryConfirmationForm,
               tuple(RECOVERY_STATES), _confirm, permission=Action.APPROVE),
    CaseAction("recovery-correction", _("Correct a recorded payment"), forms.RecoveryCorrectionForm,
               tuple(RECOVERY_STATES), _correct, danger=True,
               confirm=_("Reverse this payment? The entry stays, with the correction and its reason.")),
    CaseAction("overdue", _("Mark order overdue"), forms.forms.Form, (S.ORDER_ISSUED,),
               lambda c, u, d: services.mark_overdue(c, actor=u), danger=True,
               confirm=_("Record that the order was not complied with by its deadline?")),
    CaseAction("compensation", _("Order additional compensation"), forms.CompensationForm, (S.OVERDUE,),
               lambda c, u, d: services.order_compensation(c, actor=u, rate=Decimal(d["rate"]) / 100)),
    CaseAction("escalation", _("Request draw-down or list review"), forms.EscalationForm, (S.OVERDUE, S.TRANSFERRED),
               lambda c, u, d: services.request_escalation(c, actor=u, kind=d["kind"], reason=d["reason"],
                                                           amount=d["amount"])),
    CaseAction("transfer", _("Transfer to the police"), forms.TransferForm, (S.OVERDUE,),
               lambda c, u, d: services.transfer_to_police(c, actor=u, document_number=d["document_number"],
                                                           police_unit=d["police_unit"]), danger=True,
               confirm=_("Transfer the case to the police?")),
    CaseAction("transfer-update", _("Update criminal transfer"), forms.TransferUpdateForm, (S.TRANSFERRED, S.CLOSED),
               _transfer_update),
    CaseAction("leader", _("Assign responsible leader"), forms.LeaderForm, tuple(S.open()),
               lambda c, u, d: services.assign_leader(c, actor=u, leader=d["leader"],
                                                      responsibilities=d["responsibilities"]),
               permission=Action.APPROVE),
    CaseAction("supervision", _("List for supervision"), forms.SupervisionForm, tuple(S.open()),
               lambda c, u, d: services.list_for_supervision(c, actor=u, note=d["note"]), permission=Action.APPROVE),
    CaseAction("close", _("Close case"), forms.CloseForm, tuple(CLOSING_OUTCOMES),
               lambda c, u, d: services.close_case(c, actor=u, outcome=d["outcome"], summary=d["summary"])),
    CaseAction("withdraw", _("Withdraw case"), forms.ReasonForm, (S.FILED, S.INVESTIGATING),
               lambda c, u, d: services.withdraw_case(c, actor=u, reason=d["reason"]), danger=True,
               confirm=_("Withdraw the case (撤销立案)?")),
]
BY_NAME = {a.name: a for a in ACTIONS}


def make_form(action: CaseAction, case, data=None):
    kwargs = {}
    if action.form in (forms.AssignForm, forms.RecusalForm, forms.LeaderForm, forms.RecoveryCorrectionForm,
                       forms.RecoveryConfirmationForm):
        kwargs["case"] = case
    if action.form is forms.CloseForm:
        kwargs["outcomes"] = CLOSING_OUTCOMES.get(case.status, set())
    if action.form is forms.OrderForm and data is None:
        kwargs["initial"] = {"amount": case.amount_unpaid or None, "workers": case.workers_owed or None}
    return action.form(data, **kwargs)


def available(action: CaseAction, case, user, scopes: dict) -> bool:
    """Whether the action is offered now: the state, the user's rights in scope, and the action's own
    preconditions (the services re-check all of it)."""
    if case.status not in action.states or not scopes.get(action.permission, False):
        return False
    name = action.name
    if name == "recuse":
        return any(not a.recused for a in case.assignments.all())
    if name == "extension":
        return case.extension_status in (ExtensionStatus.NONE, ExtensionStatus.REFUSED)
    if name == "extension-decision":
        return case.extension_status == ExtensionStatus.REQUESTED and case.extension_requested_by_id != user.pk
    if name == "overdue":
        return bool(case.order_deadline and timezone.localdate() > case.order_deadline)
    if name == "recovery-correction":
        return case.recoveries.correctable().exists()
    if name == "recovery-confirmation":
        return case.recoveries.pending().exclude(recorded_by=user).exists()
    if name == "compensation":
        return case.compensation_amount is None
    if name == "transfer-update":
        transfer = getattr(case, "transfer", None)
        return transfer is not None and transfer.stage not in (TransferStage.DECLINED, TransferStage.JUDGED)
    return True


def unavailable(case, user, scopes: dict) -> list[tuple[str, str]]:
    """(action, why) for the actions a user would expect now but cannot take yet, said next to the actions
    instead of leaving them out silently. Only preconditions the user can do something about."""
    if not scopes.get(Action.CHANGE, False) or case.is_closed:
        return []
    reasons = []
    if case.status in (S.FILED, S.INVESTIGATING):
        count = len(active_inspectors(case))
        if count < rules.MIN_INSPECTORS:
            reasons.append((BY_NAME["order"].label, _(
                "Two inspectors must be on the case (Decree 423 Art. 16); %(n)d is assigned now. The "
                "investigation starts, and an order can be issued, when the second inspector is assigned.")
                % {"n": count}))
    if case.status == S.ORDER_ISSUED and case.order_deadline and timezone.localdate() <= case.order_deadline:
        reasons.append((BY_NAME["overdue"].label, _("Possible from the day after the deadline, %(day)s.") % {
            "day": f"{case.order_deadline:%Y-%m-%d}"}))
    if case.extension_status == ExtensionStatus.REQUESTED and case.extension_requested_by_id == user.pk:
        reasons.append((BY_NAME["extension-decision"].label,
                        _("You requested the extension: another official decides it.")))
    if case.recoveries.pending().filter(recorded_by=user).exists():
        reasons.append((BY_NAME["recovery-confirmation"].label,
                        _("You recorded the payment: another official confirms it.")))
    return reasons


def scopes_for(user, case) -> dict:
    """{action: bool} for the case, in two queries at most."""
    result = {}
    for action in (Action.CHANGE, Action.APPROVE):
        result[action] = can(user, action, Case) and Case.objects.visible_to(user, action).filter(
            pk=case.pk).exists()
    return result
