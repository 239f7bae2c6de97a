"""Criminal transfers (刑法 Art. 276-1; 法释〔2013〕3号; Decree 724 Art. 41) and mass incidents."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.kinds import AuditKind
from core.city_settings import city_setting
from core.formats import yuan
from enterprises.choices import TimelineKind
from enterprises.timeline import record_with_timeline
from kernel.errors import IllegalTransition, RuleRefused
from kernel.roles import Action

from .. import rules
from ..choices import CaseStatus, EventKind, ResponseAction, TransferStage
from ..models import CriminalThreshold, CriminalTransfer, MassIncident
from .common import lock_case, record_event, require_status, save, today
from .lifecycle import transition

__all__ = ["check_transfer_to_police", "check_update_transfer", "crime_check", "record_mass_incident",
           "transfer_to_police", "update_transfer"]

# Which stage may follow which (a declined or judged transfer is final).
NEXT_STAGES = {
    TransferStage.TRANSFERRED: {TransferStage.ACCEPTED, TransferStage.DECLINED},
    TransferStage.ACCEPTED: {TransferStage.PROSECUTED},
    TransferStage.PROSECUTED: {TransferStage.JUDGED},
    TransferStage.DECLINED: set(),
    TransferStage.JUDGED: set(),
}


def crime_check(case, on=None, province: str | None = None):
    """(threshold in force, met?) for the case's unpaid wages after an overdue order."""
    on = on or today()
    province = province or city_setting("crime_threshold_province", on)
    threshold = CriminalThreshold.objects.in_force(on).filter(province=province).first()
    if threshold is None:
        return None, False
    met = rules.crime_threshold_met(single_amount=threshold.single_amount, group_amount=threshold.group_amount,
                                    workers=case.workers_owed, months=case.months_owed, unpaid=case.amount_unpaid)
    return threshold, met


def check_transfer_to_police(actor, case) -> None:
    """A criminal transfer follows an order that went unpaid (the threshold is checked with the transfer)."""
    require_status(case, [CaseStatus.OVERDUE], _("A criminal transfer"))


@transaction.atomic
def transfer_to_police(case, *, actor, document_number: str, police_unit: str, on=None):
    """Offered only when the order went unpaid (OVERDUE) and the amount meets the province's threshold."""
    case = lock_case(case, actor)
    check_transfer_to_police(actor, case)
    on = on or today()
    threshold, met = crime_check(case, on)
    if threshold is None:
        raise RuleRefused(_("No criminal threshold is in force for the province; the city administrator enters it."))
    if not met:
        raise RuleRefused(_(
            "The unpaid amount does not reach the province's threshold (one worker, 3+ months: %(single)s; "
            "10+ workers: %(group)s).") % {"single": yuan(threshold.single_amount),
                                           "group": yuan(threshold.group_amount)})
    if not document_number.strip() or not police_unit.strip():
        raise RuleRefused(_("Give the transfer document number and the police unit."), "document_number")
    transfer = save(CriminalTransfer(case=case, transferred_on=on, document_number=document_number.strip(),
                                     police_unit=police_unit.strip(), threshold=threshold,
                                     unpaid_amount=case.amount_unpaid, workers=case.workers_owed,
                                     recorded_by=actor), actor)
    transition(case, CaseStatus.TRANSFERRED)
    save(case, actor)
    record_event(case, EventKind.TRANSFER, _("Transferred to %(unit)s") % {"unit": transfer.police_unit},
                 actor=actor, on=on, audit=AuditKind.CASE_TRANSFERRED_TO_POLICE, document=transfer.document_number,
                 unpaid=transfer.unpaid_amount, threshold=threshold.pk)
    return transfer


def check_update_transfer(actor, case) -> None:
    """A transfer is followed until it is declined or judged (final stages)."""
    transfer = getattr(case, "transfer", None)
    if transfer is None or not NEXT_STAGES[transfer.stage]:
        raise IllegalTransition(_("The criminal transfer is not open to updates."))


@transaction.atomic
def update_transfer(transfer, *, actor, stage: str, on, police_case_number: str = "", court_result: str = "",
                    note: str = ""):
    """Follow the transfer: police acceptance, prosecution, the court's result."""
    case = lock_case(transfer.case, actor)
    transfer = CriminalTransfer.objects.select_for_update().get(pk=transfer.pk)
    check_update_transfer(actor, case)
    if stage not in NEXT_STAGES[transfer.stage]:
        raise IllegalTransition(_("A transfer that is “%(current)s” cannot become “%(target)s”.") % {
            "current": transfer.get_stage_display(),
            "target": TransferStage(stage).label if stage in TransferStage.values else stage})
    if on < transfer.transferred_on:
        raise RuleRefused(_("The date is before the transfer."), "on")
    if stage == TransferStage.ACCEPTED:
        transfer.police_accepted_on, transfer.police_case_number = on, police_case_number.strip()
    elif stage == TransferStage.PROSECUTED:
        transfer.prosecuted_on = on
    elif stage == TransferStage.JUDGED:
        if not court_result:
            raise RuleRefused(_("Give the court's result."), "court_result")
        transfer.judged_on, transfer.court_result = on, court_result
    transfer.stage = stage
    if note.strip():
        transfer.note = f"{transfer.note}\n{on:%Y-%m-%d} {note.strip()}".strip()
    save(transfer, actor)
    record_event(case, EventKind.TRANSFER, _("Criminal transfer: %(stage)s") % {"stage": transfer.get_stage_display()},
                 actor=actor, on=on, detail=note.strip(), audit=AuditKind.CASE_TRANSFER_UPDATED, stage=stage,
                 court_result=court_result)
    return transfer


@transaction.atomic
def record_mass_incident(incident: MassIncident, *, actor) -> MassIncident:
    """Record a mass incident (≥ 50 workers is major) and put it on the linked case and employer's file."""
    if incident.workers_involved < 1:
        raise RuleRefused(_("Give the number of workers involved."), "workers_involved")
    bad = [a for a in incident.response_actions if a not in ResponseAction.values]
    if bad:
        raise RuleRefused(_("Unknown response action."), "response_actions")
    if incident.case_id and incident.case.district_id != incident.district_id:
        raise RuleRefused(_("The linked case belongs to another district."), "case")
    incident.recorded_by = actor
    save(incident, actor)
    if not MassIncident.objects.visible_to(actor, Action.ADD).filter(pk=incident.pk).exists():
        raise PermissionDenied(_("The record would fall outside your scope."))
    major = incident.is_major
    title = (_("Major mass incident: %(n)d workers") if major else _("Mass incident: %(n)d workers")) % {
        "n": incident.workers_involved}
    # Linked to a case, the case event puts the line on the file; otherwise the incident's own record does.
    record_with_timeline(
        AuditKind.MASS_INCIDENT_RECORDED,
        incident.enterprise if incident.enterprise_id and not incident.case_id else None, TimelineKind.CASE, title,
        actor=actor, obj=incident, district=incident.district, detail=incident.description,
        url=incident.get_absolute_url(), workers=incident.workers_involved, major=major)
    if incident.case_id:
        record_event(incident.case, EventKind.NOTE, title, actor=actor, on=timezone.localdate(incident.occurred_at),
                     detail=incident.description, audit=AuditKind.CASE_MASS_INCIDENT_LINKED, incident=incident.pk)
    return incident
