"""The actions a user may take on a case now: one table of kernel.actions.RecordAction from action name to
form, service call and the service's own check_<action> (availability and the reason why not), shared by
the case page (forms) and the action endpoint; the inbox's quick actions ask the same checks."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from kernel.actions import RecordAction
from kernel.fetch import may_act_on
from kernel.roles import Action
from kernel.scoping import can

from .. import forms, services
from ..choices import CaseStatus
from ..models import Case
from ..services.lifecycle import CLOSING_OUTCOMES

S = CaseStatus


def case_action(key, label, form, run, check, *, permission=Action.CHANGE, danger=False, confirm=""):
    """One action on a case: offered when the service's own check_<action> lets the user take it now."""
    return RecordAction(key=key, label=label, form=form, run=run, check=check, permission=permission,
                        url_name="cases:act", style="danger" if danger else "primary", confirm=confirm)


def _assign(case, user, d, form=None):
    return services.assign_inspector(case, actor=user, inspector=d["inspector"])


def _recuse(case, user, d, form=None):
    assignment = case.assignments.get(pk=d["assignment"])
    return services.recuse_inspector(assignment, actor=user, reason=d["reason"])


def _order(case, user, d, form=None):
    return services.issue_order(case, actor=user, issued_on=d["issued_on"], workdays=d["workdays"],
                                amount=d["amount"], workers=d["workers"], requirements=d["requirements"],
                                served_on=d["served_on"], service_method=d["service_method"],
                                service_evidence=d["service_evidence"], number=d["number"])


def _recovery(case, user, d, form=None):
    return services.record_recovery(case, actor=user, paid_on=d["paid_on"], amount=d["amount"],
                                    workers_paid=d["workers_paid"], workers=d["workers"], note=d["note"],
                                    reason=d["reason"])


def _recovery_row(case, pk):
    return case.recoveries.get(pk=pk)


def _correct(case, user, d, form=None):
    return services.reverse_recovery(_recovery_row(case, d["recovery"]), actor=user, reason=d["reason"])


def _confirm(case, user, d, form=None):
    return services.confirm_recovery(_recovery_row(case, d["recovery"]), actor=user, approve=d["approve"],
                                     note=d["note"])


def _transfer_update(case, user, d, form=None):
    return services.update_transfer(case.transfer, actor=user, stage=d["stage"], on=d["on"],
                                    police_case_number=d["police_case_number"], court_result=d["court_result"],
                                    note=d["note"])


L, M, P, Q = services.lifecycle, services.money, services.police, services.supervision
ACTIONS = [
    case_action("assign", _("Assign inspector"), forms.AssignForm, _assign, L.check_assign_inspector),
    case_action("recuse", _("Record recusal"), forms.RecusalForm, _recuse, L.check_recuse),
    case_action("extension", _("Request extension"), forms.ReasonForm,
                lambda c, u, d, f: services.request_extension(c, actor=u, reason=d["reason"]),
                L.check_request_extension),
    case_action("extension-decision", _("Decide extension"), forms.ExtensionDecisionForm,
                lambda c, u, d, f: services.decide_extension(c, actor=u, approve=d["approve"], note=d["note"]),
                L.check_decide_extension, permission=Action.APPROVE),
    case_action("order", _("Issue rectification order"), forms.OrderForm, _order, L.check_issue_order),
    case_action("recovery", _("Record wages paid"), forms.RecoveryForm, _recovery, M.check_record_recovery),
    case_action("recovery-confirmation", _("Confirm a payment above what is owed"), forms.RecoveryConfirmationForm,
                _confirm, M.check_confirm_recovery, permission=Action.APPROVE),
    case_action("recovery-correction", _("Correct a recorded payment"), forms.RecoveryCorrectionForm, _correct,
                M.check_reverse_recovery, danger=True,
                confirm=_("Reverse this payment? The entry stays, with the correction and its reason.")),
    case_action("overdue", _("Mark order overdue"), forms.forms.Form,
                lambda c, u, d, f: services.mark_overdue(c, actor=u), L.check_mark_overdue, danger=True,
                confirm=_("Record that the order was not complied with by its deadline?")),
    case_action("compensation", _("Order additional compensation"), forms.CompensationForm,
                lambda c, u, d, f: services.order_compensation(c, actor=u, rate=Decimal(d["rate"]) / 100),
                M.check_order_compensation),
    case_action("escalation", _("Request draw-down or list review"), forms.EscalationForm,
                lambda c, u, d, f: services.request_escalation(c, actor=u, kind=d["kind"], reason=d["reason"],
                                                               amount=d["amount"]),
                M.check_request_escalation),
    case_action("transfer", _("Transfer to the police"), forms.TransferForm,
                lambda c, u, d, f: services.transfer_to_police(c, actor=u, document_number=d["document_number"],
                                                               police_unit=d["police_unit"]),
                P.check_transfer_to_police, danger=True, confirm=_("Transfer the case to the police?")),
    case_action("transfer-update", _("Update criminal transfer"), forms.TransferUpdateForm, _transfer_update,
                P.check_update_transfer),
    case_action("leader", _("Assign responsible leader"), forms.LeaderForm,
                lambda c, u, d, f: services.assign_leader(c, actor=u, leader=d["leader"],
                                                          responsibilities=d["responsibilities"]),
                Q.check_assign_leader, permission=Action.APPROVE),
    case_action("supervision", _("List for supervision"), forms.SupervisionForm,
                lambda c, u, d, f: services.list_for_supervision(c, actor=u, note=d["note"]),
                Q.check_list_for_supervision, permission=Action.APPROVE),
    case_action("close", _("Close case"), forms.CloseForm,
                lambda c, u, d, f: services.close_case(c, actor=u, outcome=d["outcome"], summary=d["summary"]),
                L.check_close_case),
    case_action("withdraw", _("Withdraw case"), forms.ReasonForm,
                lambda c, u, d, f: services.withdraw_case(c, actor=u, reason=d["reason"]), L.check_withdraw_case,
                danger=True, confirm=_("Withdraw the case (撤销立案)?")),
]
BY_NAME = {a.key: a for a in ACTIONS}


def make_form(action: RecordAction, case, data=None):
    kwargs = {}
    if action.form in (forms.AssignForm, forms.RecusalForm, forms.LeaderForm, forms.RecoveryCorrectionForm,
                       forms.RecoveryConfirmationForm):
        kwargs["case"] = case
    if action.form is forms.CloseForm:
        kwargs["outcomes"] = CLOSING_OUTCOMES.get(case.status, set())
    if action.form is forms.OrderForm and data is None:
        kwargs["initial"] = {"amount": case.amount_unpaid or None, "workers": case.workers_owed or None}
    return action.form(data, **kwargs)


def scopes_for(user, case) -> dict:
    """{action: bool} for the case, in two queries at most."""
    result = {}
    for action in (Action.CHANGE, Action.APPROVE):
        result[action] = can(user, action, Case) and may_act_on(user, action, case)
    return result
