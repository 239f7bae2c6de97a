"""Large or difficult cases: flagged by the thresholds in force, given a responsible leader (包案) and put
under listed supervision (挂牌督办) with a deadline."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from audit.kinds import AuditKind
from core.city_settings import city_setting
from core.formats import yuan
from kernel.errors import RuleRefused
from kernel.roles import Action, Role

from ..choices import CaseStatus, EventKind
from ..models import Complaint, DifficultCaseThreshold
from .common import calendar, deadline, lock_case, record_event, require_status, save, today

__all__ = ["assign_leader", "check_assign_leader", "check_list_for_supervision", "evaluate_flags", "flag_reasons",
           "list_for_supervision"]


def flag_reasons(case, threshold, on: dt.date) -> list[str]:
    if threshold is None:
        return []
    reasons = []
    if case.amount_owed >= threshold.amount:
        reasons.append(_("Amount owed %(amount)s ≥ %(limit)s") % {"amount": yuan(case.amount_owed),
                                                                   "limit": yuan(threshold.amount)})
    if case.workers_owed >= threshold.workers:
        reasons.append(_("%(n)d workers ≥ %(limit)d") % {"n": case.workers_owed, "limit": threshold.workers})
    if case.enterprise_id:
        window = city_setting("duplicate_window_days", on)
        since = on - dt.timedelta(days=window)
        repeated = Complaint.objects.filter(enterprise_id=case.enterprise_id, received_on__gte=since).count()
        if repeated >= threshold.repeated_complaints:
            reasons.append(_("%(n)d complaints about the employer within %(days)d days") % {
                "n": repeated, "days": window})
    return reasons


def evaluate_flags(case, *, actor, on=None) -> bool:
    """Flag the case when a threshold in force is reached (called inside the caller's transaction)."""
    on = on or today()
    threshold = DifficultCaseThreshold.objects.in_force(on).first()
    reasons = flag_reasons(case, threshold, on)
    if reasons and not case.flagged:
        case.flagged, case.flag_reasons = True, reasons
        save(case, actor)
        record_event(case, EventKind.SUPERVISION, _("Flagged as a large or difficult case"), actor=actor, on=on,
                     detail="; ".join(reasons), audit=AuditKind.CASE_FLAGGED)
    return case.flagged


def _require_approver(actor):
    if actor.role not in (Role.DISTRICT_OFFICIAL, Role.CITY_ADMIN) and not actor.is_superuser:
        raise PermissionDenied(_("Only an official may do this."))


def check_assign_leader(actor, case) -> None:
    _require_approver(actor)
    require_status(case, CaseStatus.open(), _("Assigning a responsible leader"))


@transaction.atomic
def assign_leader(case, *, actor, leader, responsibilities: str, on=None):
    """包案: a responsible leader with a list of responsibilities."""
    case = lock_case(case, actor, Action.APPROVE)
    check_assign_leader(actor, case)
    if leader.role not in (Role.DISTRICT_OFFICIAL, Role.CITY_LEADER, Role.CITY_ADMIN) or not leader.is_active:
        raise RuleRefused(_("The responsible leader must be an official or a city leader."), "leader")
    if not responsibilities.strip():
        raise RuleRefused(_("List the leader's responsibilities."), "responsibilities")
    case.leader, case.leader_responsibilities = leader, responsibilities.strip()
    save(case, actor)
    record_event(case, EventKind.SUPERVISION, _("Responsible leader: %(name)s") % {"name": leader}, actor=actor,
                 on=on, detail=case.leader_responsibilities, audit=AuditKind.CASE_LEADER_ASSIGNED, leader=leader.pk)
    return case


def check_list_for_supervision(actor, case) -> None:
    _require_approver(actor)
    require_status(case, CaseStatus.open(), _("Listed supervision"))
    if case.listed_supervision:
        raise RuleRefused(_("The case is under listed supervision already."))


@transaction.atomic
def list_for_supervision(case, *, actor, note: str, on=None):
    """挂牌督办: listed supervision with a deadline in working days from the threshold in force."""
    case = lock_case(case, actor, Action.APPROVE)
    check_list_for_supervision(actor, case)
    on = on or today()
    threshold = DifficultCaseThreshold.objects.in_force(on).first()
    days = threshold.supervision_workdays if threshold else 30
    case.supervision_deadline = deadline(calendar().add_workdays, on, days)
    case.listed_supervision, case.supervision_note = True, note.strip()
    save(case, actor)
    record_event(case, EventKind.SUPERVISION, _("Listed for supervision until %(day)s") % {
        "day": f"{case.supervision_deadline:%Y-%m-%d}"}, actor=actor, on=on, detail=case.supervision_note,
        audit=AuditKind.CASE_LISTED_FOR_SUPERVISION, deadline=case.supervision_deadline)
    return case
