"""Deciding on a complaint within 5 working days (若干规定 Art. 18, domain.md §6.2) and filing the case
on the day of acceptance; a grouped complaint joins its group's open case."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import District
from audit import events
from audit.kinds import AuditKind
from kernel.errors import IllegalTransition, RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action

from .. import hooks, rules
from ..choices import CaseSource, CaseStatus, ComplaintStatus, EventKind, RefusalGround
from ..models import Case, CaseInspector, Complaint
from .common import calendar, deadline, is_caseworker, record_event, save, today
from .supervision import evaluate_flags

__all__ = ["check_decide_complaint", "decide_complaint", "file_case", "open_case_for", "record_supplement"]

# Which refusal grounds fit which decision (若干规定 Art. 18; Decree 423 Art. 21).
DECISION_GROUNDS = {
    ComplaintStatus.NOT_ACCEPTED: {RefusalGround.TIME_BARRED, RefusalGround.NOT_LABOUR_INSPECTION},
    ComplaintStatus.SUPPLEMENT: {RefusalGround.NO_EMPLOYER},
    ComplaintStatus.REFERRED: {RefusalGround.OTHER_JURISDICTION},
    ComplaintStatus.ARBITRATION: {RefusalGround.ARBITRATION},
}


def _lock_complaint(complaint, actor) -> Complaint:
    return lock_in_scope(Complaint.objects.select_related("district", "enterprise"), actor, Action.CHANGE,
                         denied=_("You may not decide on this complaint."), pk=complaint.pk)


def check_decide_complaint(actor, complaint) -> None:
    """A complaint is decided once, while it is open."""
    if not complaint.is_open:
        raise IllegalTransition(_("This complaint was decided already (%(status)s).") % {
            "status": complaint.get_status_display()})


def _months(complaint) -> int:
    if not (complaint.owed_from and complaint.owed_to):
        return 0
    return (complaint.owed_to.year - complaint.owed_from.year) * 12 + complaint.owed_to.month \
        - complaint.owed_from.month + 1


@transaction.atomic
def decide_complaint(complaint, *, actor, decision: str, reason: str = "", ground: str = "", referred_to: str = "",
                     employer_identified: bool = True, within_inspection: bool = True, in_jurisdiction: bool = True,
                     arbitration_matter: bool = False, on=None) -> Complaint:
    """Accept (file or join a case the same day), not accept, ask for a supplement, refer, or direct to
    arbitration. The rule check of Art. 18 runs on the facts given; a decision the rules do not support
    is refused with the rule's message. The reason is what the complainant reads on the status page."""
    complaint = _lock_complaint(complaint, actor)
    on = on or today()
    check_decide_complaint(actor, complaint)
    if decision not in ComplaintStatus.decisions():
        raise RuleRefused(_("Choose a decision."), "decision")
    check = rules.check_acceptance(
        violation_ended_on=complaint.owed_to, employer_identified=employer_identified,
        within_inspection=within_inspection, in_jurisdiction=in_jurisdiction,
        arbitration_matter=arbitration_matter, today=complaint.received_on)
    reason = (reason or "").strip()
    case = None
    if decision == ComplaintStatus.ACCEPTED:
        if not check.passes:
            raise RuleRefused(_("The complaint cannot be accepted: %(rule)s") % {"rule": check.message}, "decision")
        case, joined = _join_or_file(complaint, actor=actor, on=on)
        reason = reason or (_("Accepted; joined case %(number)s, which handles the same employer.") if joined
                            else _("Accepted; case %(number)s filed.")) % {"number": case.number}
    else:
        if ground not in DECISION_GROUNDS[decision]:
            raise RuleRefused(_("This ground does not fit the decision."), "ground")
        if ground == RefusalGround.TIME_BARRED and check.ground != RefusalGround.TIME_BARRED:
            raise RuleRefused(_("The violation ended less than %(years)d years before the complaint: it is not "
                                "time-barred (Decree 423 Art. 20).") % {"years": rules.LIMITATION_YEARS}, "ground")
        if not reason:
            raise RuleRefused(_("Give the reason that will be sent to the complainant."), "reason")
        if decision == ComplaintStatus.REFERRED and not referred_to.strip():
            raise RuleRefused(_("Name the department the complainant should go to."), "referred_to")
    complaint.status = decision
    complaint.refusal_ground = ground if decision != ComplaintStatus.ACCEPTED else ""
    complaint.decision_reason = reason
    complaint.referred_to = referred_to.strip()
    complaint.decided_at, complaint.decided_by = timezone.now(), actor
    complaint.case = case
    save(complaint, actor)
    late = bool(complaint.acceptance_deadline and on > complaint.acceptance_deadline)
    events.record(AuditKind.COMPLAINT_DECIDED, actor=actor, obj=complaint, district=complaint.district,
                  decision=decision, ground=ground, late=late, case=case.number if case else "")
    # The complainant learns the decision and its reason on the status page (tracking number + phone digits).
    events.record(AuditKind.COMPLAINANT_NOTIFIED, actor=actor, obj=complaint, district=complaint.district,
                  channel="status_page", decision=decision)
    hooks.data_changed("case")
    return complaint


@transaction.atomic
def record_supplement(complaint, *, actor, note: str, now=None) -> Complaint:
    """The complainant supplied what was missing: the complaint waits for a decision again and the
    5 working days run from the day the materials arrived."""
    complaint = _lock_complaint(complaint, actor)
    if complaint.status != ComplaintStatus.SUPPLEMENT:
        raise IllegalTransition(_("Only a complaint waiting for a supplement can receive one."))
    if not note.strip():
        raise RuleRefused(_("Describe what was supplied."), "note")
    now = now or timezone.now()
    complaint.received_on = timezone.localdate(now)
    complaint.acceptance_deadline = deadline(rules.acceptance_deadline, complaint.received_on, calendar())
    complaint.status = ComplaintStatus.RECEIVED
    complaint.description = f"{complaint.description}\n\n[{complaint.received_on:%Y-%m-%d}] {note.strip()}"
    save(complaint, actor)
    events.record(AuditKind.COMPLAINT_SUPPLEMENTED, actor=actor, obj=complaint, district=complaint.district)
    hooks.data_changed("case")
    return complaint


def open_case_for(complaint, actor=None):
    """The open case a complaint belongs with (locked), or None: first a case serving its group (whichever
    member of the group was accepted first), else an open case of the same district against the same
    employer or project (an unmatched employer by its name). One employer, one open case: the group's
    promise "合并为一案办理" holds whatever order the complaints are decided in."""
    lead_id = complaint.group_lead_id or complaint.pk
    group_cases = (Complaint.objects.filter(Q(pk=lead_id) | Q(group_lead_id=lead_id)).exclude(case__isnull=True)
                   .values("case_id"))
    same = Q(pk__in=group_cases)
    if complaint.enterprise_id:
        same |= Q(enterprise_id=complaint.enterprise_id)
    if complaint.project_id:
        same |= Q(project_id=complaint.project_id)
    if not (complaint.enterprise_id or complaint.project_id) and complaint.employer_name.strip():
        same |= Q(enterprise__isnull=True, project__isnull=True, employer_name=complaint.employer_name.strip())
    qs = Case.objects.all() if actor is None else Case.objects.visible_to(actor, Action.CHANGE)
    return (qs.select_for_update(of=("self",)).filter(same, district=complaint.district, status__in=CaseStatus.open())
            .order_by("filed_on", "pk").first())


def _join_or_file(complaint, *, actor, on) -> tuple[Case, bool]:
    """(the case, whether the complaint joined an existing one)."""
    case = open_case_for(complaint, actor)
    if case is None:
        return file_case(complaint, actor=actor, on=on), False
    case.workers_owed += complaint.workers_count
    case.amount_owed += complaint.amount_owed or 0
    case.months_owed = max(case.months_owed, _months(complaint))
    save(case, actor)
    record_event(case, EventKind.COMPLAINT_JOINED,
                 _("Complaint %(number)s joined the case") % {"number": complaint.tracking_number},
                 actor=actor, on=on, complaint=complaint.tracking_number, workers=complaint.workers_count)
    evaluate_flags(case, actor=actor, on=on)
    return case, True


def _next_number(district, on) -> str:
    District.objects.select_for_update().get(pk=district.pk)  # serialises numbering within a district
    count = Case.objects.filter(district=district, filed_on__year=on.year).count()
    return f"{district.code}-{on.year}-{count + 1:04d}"


@transaction.atomic
def file_case(complaint=None, *, actor, on, district=None, enterprise=None, project=None, employer_name: str = "",
              source=CaseSource.COMPLAINT, workers: int = 0, amount=0, months: int = 0) -> Case:
    """File (立案) a case on `on`; the 60-working-day investigation deadline runs from that day."""
    if complaint is not None:
        district, enterprise, project = complaint.district, complaint.enterprise, complaint.project
        employer_name = complaint.employer_name
        workers, amount, months = complaint.workers_count, complaint.amount_owed or 0, _months(complaint)
    case = Case(number=_next_number(district, on), district=district, enterprise=enterprise, project=project,
                employer_name=employer_name or (enterprise.name if enterprise else ""), source=source,
                filed_on=on, investigation_deadline=deadline(rules.investigation_deadline, on, calendar()),
                workers_owed=workers, amount_owed=amount, months_owed=months)
    save(case, actor)
    hooks.case_filed(case, actor)  # the enterprise's certificates are revoked in this transaction
    title = _("Case filed")
    if complaint is not None:
        title = _("Case filed on complaint %(number)s") % {"number": complaint.tracking_number}
    record_event(case, EventKind.FILED, title, actor=actor, on=on, deadline=case.investigation_deadline,
                 source=source)
    if is_caseworker(actor, district.pk):
        CaseInspector.objects.create(case=case, inspector=actor, assigned_at=timezone.now(), assigned_by=actor)
        record_event(case, EventKind.ASSIGNED, _("%(name)s assigned") % {"name": actor}, actor=actor, on=on,
                     inspector=actor.pk)
    evaluate_flags(case, actor=actor, on=on)
    return case
