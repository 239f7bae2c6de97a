"""The joint-punishment list as a guarded state machine (人社部令第45号; domain.md §5.1):

    PROPOSED ──notice──▶ NOTIFIED ──(objection period over; checker ≠ maker)──▶ LISTED (published)
       │                    │                                                    │   │
       └──▶ NOT_LISTED ◀────┘                          EXPIRED (3 years) ◀───────┘   ▼
                                   REMOVED_EARLY ◀── (checker ≠ requester) ── REMOVAL_REQUESTED ──▶ LISTED

Nothing is decided or published before the objection period has ended. While listed the enterprise is
at least grade C and its deposits rise by 100%: enterprises.grading and deposits.providers ask the
providers in blacklist.providers; no flag is copied anywhere.
"""

from dataclasses import replace
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import events
from audit.kinds import AuditKind
from cases import facts as case_facts
from cases.choices import EscalationKind, EscalationStatus
from cases.services import complete_escalation  # an action the proposal causes on the case
from core.city_settings import city_setting
from core.formats import yuan
from core.workdays import CalendarNotCovered, WorkdayCalendar
from enterprises.timeline import file_language
from kernel.errors import IllegalTransition, RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action
from kernel.scoping import can

from .. import hooks, rules
from ..choices import ListingStatus, NoticeKind, PersonRole
from ..models import ListedPerson, ListingEntry
from .common import add_workdays, notify_departments, policy, record, save, today

__all__ = [
    "TRANSITIONS",
    "check_criteria",
    "decide_early_removal",
    "decide_listing",
    "dismiss_review",
    "expire_listings",
    "propose_listing",
    "record_statement",
    "request_early_removal",
    "serve_notice",
]

S = ListingStatus
TRANSITIONS = {
    S.PROPOSED: {S.NOTIFIED, S.NOT_LISTED},
    S.NOTIFIED: {S.LISTED, S.NOT_LISTED},
    S.LISTED: {S.REMOVAL_REQUESTED, S.EXPIRED},
    S.REMOVAL_REQUESTED: {S.LISTED, S.REMOVED_EARLY, S.EXPIRED},
    S.NOT_LISTED: set(),
    S.REMOVED_EARLY: set(),
    S.EXPIRED: set(),
}


def _transition(entry, to):
    if to not in TRANSITIONS[entry.status]:
        raise IllegalTransition(_("An entry that is “%(current)s” cannot become “%(target)s”.") % {
            "current": entry.get_status_display(), "target": S(to).label})
    entry.status = to


def _lock(entry, actor, action=Action.CHANGE) -> ListingEntry:
    return lock_in_scope(ListingEntry.objects.select_related("enterprise", "district", "case"), actor, action,
                         denied=_("You may not change this entry."), pk=entry.pk)


def _second_person(actor, maker, what):
    """Segregation of duties (peers.md P5): the checker is never the maker."""
    if maker is not None and actor is not None and actor.pk == maker.pk:
        raise PermissionDenied(_("%(what)s needs a second person: you made the proposal yourself.") % {"what": what})


# --- criteria --------------------------------------------------------------------------------

def check_criteria(case, on=None) -> rules.CriteriaResult:
    """45号 Art. 5 on the case's facts: the latest order to pay, the unpaid amount when it went overdue,
    the province's criminal figures in force on the order's deadline, and any mass incident."""
    on = on or today()
    order = case_facts.latest_order(case)
    overdue = case_facts.overdue(case)
    unpaid = case.amount_unpaid
    if overdue is not None and overdue.unpaid:
        unpaid = max(unpaid, overdue.unpaid)
    deadline = order.deadline if order else None
    province = city_setting("crime_threshold_province", deadline or on)
    threshold = case_facts.criminal_threshold(province, deadline or on)
    return replace(rules.listing_criteria(
        order_deadline=deadline, overdue=overdue is not None, unpaid=unpaid, workers=case.workers_owed,
        months=case.months_owed, single_amount=threshold.single_amount if threshold else None,
        group_amount=threshold.group_amount if threshold else None,
        mass_incident=case_facts.has_mass_incident(case), on=on), decision_due=_decision_due(deadline))


def _decision_due(order_deadline):
    """The order's deadline + the city's decision period in working days (45号 Art. 5; informative); None
    when there is no deadline or its year has no holiday schedule yet."""
    if order_deadline is None:
        return None
    try:
        return WorkdayCalendar().add_workdays(order_deadline,
                                              city_setting("blacklist_decision_workdays", order_deadline))
    except CalendarNotCovered:
        return None


def _default_facts(case, unpaid) -> str:

    with file_language():
        return _("%(employer)s did not pay wages of %(amount)s owed to %(n)d workers by the deadline of the "
                 "order to pay (case %(case)s).") % {"employer": case.employer_name, "amount": yuan(unpaid),
                                                     "n": case.workers_owed, "case": case.number}


# --- proposal, notice, statement, decision ----------------------------------------------------

@transaction.atomic
def propose_listing(request, *, actor, persons=(), facts: str = "", on=None) -> ListingEntry:
    """Turn a case's pending "joint-punishment list review" request into a proposal, if 45号 Art. 5 is met.
    `persons`: [{"name", "role", "id_number"}]; the legal representative on file is listed by default."""
    on = on or today()
    if not can(actor, Action.ADD, ListingEntry):
        raise PermissionDenied(_("You may not propose listings."))
    request = case_facts.lock_request(actor, request.pk)
    if request is None:
        raise PermissionDenied(_("You may not act on this request."))
    if request.kind != EscalationKind.BLACKLIST_REVIEW or request.status != EscalationStatus.PENDING:
        raise IllegalTransition(_("Only a pending joint-punishment list review can be proposed."))
    case = request.case
    if case.enterprise_id is None:
        raise RuleRefused(_("The case names no registered enterprise: match the employer first."))
    result = check_criteria(case, on)
    if not result.eligible:
        raise RuleRefused(" ".join(result.refusals))
    unpaid = max(case.amount_unpaid, Decimal(str(request.basis.get("unpaid") or 0)))
    order = case.orders.order_by("-issued_on", "-pk").first()
    entry = save(ListingEntry(
        enterprise=case.enterprise, district=case.district, case=case, escalation=request,
        criteria=[c.as_dict() for c in result.met], order_number=order.number if order else "",
        order_deadline=order.deadline if order else None, unpaid_amount=unpaid, workers=case.workers_owed,
        facts=facts.strip() or _default_facts(case, unpaid), proposed_on=on, proposed_by=actor), actor)
    persons = [p for p in persons if (p.get("name") or "").strip()] or [
        {"name": case.enterprise.legal_representative, "role": PersonRole.LEGAL_REPRESENTATIVE}]
    for person in persons:
        save(ListedPerson(entry=entry, name=person["name"].strip()[:50], role=person.get("role") or PersonRole.OTHER,
                          id_number=(person.get("id_number") or "").strip().upper()), actor)
    complete_escalation(request, actor=actor, on=on,
                        note=_("Proposed for the joint-punishment list (entry %(pk)s).") % {"pk": entry.pk})
    record(AuditKind.LISTING_PROPOSED, entry, actor=actor, title=_("Proposed for the joint-punishment list"),
           detail="; ".join(entry.criteria_labels), url=entry.get_absolute_url(), case=case.number,
           unpaid=unpaid)
    return entry


@transaction.atomic
def dismiss_review(request, *, actor, reason: str):
    """Drop a review request that does not lead to a proposal, with the reason."""
    if not reason.strip():
        raise RuleRefused(_("Give the reason."), "reason")
    if not can(actor, Action.ADD, ListingEntry):
        raise PermissionDenied(_("You may not act on this request."))
    request = case_facts.lock_pending_request(actor, request.pk, EscalationKind.BLACKLIST_REVIEW)
    if request is None:
        raise IllegalTransition(_("Only a pending joint-punishment list review can be dismissed."))
    request.status = EscalationStatus.DROPPED
    request.basis = {**request.basis, "dismissed": reason.strip()[:500]}
    save(request, actor)

    events.record(AuditKind.LISTING_REVIEW_DISMISSED, actor=actor, obj=request.case, district=request.case.district,
                  reason=reason.strip()[:200])
    return request


@transaction.atomic
def serve_notice(entry, *, actor, served_on, notice_number: str = "") -> ListingEntry:
    """Serve the prior notice (事先告知): reasons, basis, the right to state and defend, the measures. The
    objection period (policy, default 5 working days) runs from the day after service."""
    entry = _lock(entry, actor)
    _transition(entry, S.NOTIFIED)
    if served_on < entry.proposed_on:
        raise RuleRefused(_("The notice cannot be served before the proposal."), "served_on")
    entry.notice_served_on = served_on
    entry.notice_number = notice_number.strip() or f"{entry.case.number}-GZ"
    entry.objection_deadline = add_workdays(served_on, policy(served_on).objection_workdays)
    save(entry, actor)
    title = _("Prior notice of listing served; objections until %(day)s") % {
        "day": f"{entry.objection_deadline:%Y-%m-%d}"}
    record(AuditKind.LISTING_NOTICE_SERVED, entry, actor=actor, title=title,
           url=entry.get_absolute_url(), served_on=served_on, objection_deadline=entry.objection_deadline)
    return entry


@transaction.atomic
def record_statement(entry, *, actor, text: str, received_on) -> ListingEntry:
    """Record the party's statement and defence (陈述申辩) received during the objection period."""
    entry = _lock(entry, actor)
    if entry.status != S.NOTIFIED:
        raise IllegalTransition(_("A statement is recorded only while the prior notice is running."))
    if not text.strip():
        raise RuleRefused(_("Summarise the statement."), "text")
    if received_on > entry.objection_deadline:
        raise RuleRefused(_("The objection period ended on %(day)s.") % {
            "day": f"{entry.objection_deadline:%Y-%m-%d}"}, "received_on")
    entry.statement = f"{entry.statement}\n{received_on:%Y-%m-%d} {text.strip()}".strip()
    entry.statement_received_on = received_on
    save(entry, actor)
    record(AuditKind.LISTING_STATEMENT_RECORDED, entry, actor=actor, title=_("Statement and defence received"),
           url=entry.get_absolute_url(), received_on=received_on)
    return entry


@transaction.atomic
def decide_listing(entry, *, actor, listed: bool, decision_number: str = "", note: str = "", on=None) -> ListingEntry:
    """The listing decision, by a second person with approval rights, only after the objection period.
    Listing publishes the entry, notifies the departments and revokes the enterprise's certificates."""
    on = on or today()
    entry = _lock(entry, actor, Action.APPROVE)
    if entry.status != S.NOTIFIED:
        _transition(entry, S.LISTED if listed else S.NOT_LISTED)  # raises the clear message
    if on <= entry.objection_deadline:
        raise IllegalTransition(_("Nothing is decided or published before the objection period ends (%(day)s).")
                                % {"day": f"{entry.objection_deadline:%Y-%m-%d}"})
    _second_person(actor, entry.proposed_by, _("The listing decision"))
    entry.decided_on, entry.decided_by, entry.decision_note = on, actor, note.strip()
    if not listed:
        if not note.strip():
            raise RuleRefused(_("Give the reason for not listing."), "note")
        _transition(entry, S.NOT_LISTED)
        entry.ended_on, entry.end_reason = on, note.strip()
        save(entry, actor)
        record(AuditKind.LISTING_DECLINED, entry, actor=actor, title=_("Decided not to list"), detail=note.strip(),
               url=entry.get_absolute_url())
        return entry
    if not decision_number.strip():
        raise RuleRefused(_("Give the decision's document number."), "decision_number")
    _transition(entry, S.LISTED)
    terms = policy(on)
    entry.decision_number = decision_number.strip()
    entry.listed_on = on
    entry.expires_on = rules.listing_expires_on(on, terms.listing_years)
    entry.published_at = timezone.now()
    save(entry, actor)
    notify_departments(entry, NoticeKind.LISTED, on)
    record(AuditKind.LISTING_DECIDED, entry, actor=actor,
           title=_("Listed on the joint-punishment list until %(day)s") % {
        "day": f"{entry.expires_on:%Y-%m-%d}"}, detail=entry.decision_number, url=entry.get_absolute_url(),
        decision=entry.decision_number, expires_on=entry.expires_on)
    hooks.listing_in_force(entry, actor)  # certificates revoked in this transaction
    return entry


# --- early removal and expiry -----------------------------------------------------------------

@transaction.atomic
def request_early_removal(entry, *, actor, corrected_on, commitment_signed_on, on=None) -> ListingEntry:
    """信用修复: record the party's request when the arrears are paid, 6 months have passed and the written
    commitment is signed; the decision is due within the policy's working days."""
    on = on or today()
    entry = _lock(entry, actor)
    if entry.status != S.LISTED:
        _transition(entry, S.REMOVAL_REQUESTED)
    terms = policy(on)
    case = case_facts.case_of(entry.case_id)
    missing = rules.early_removal_refusals(corrected_on=corrected_on, commitment_signed_on=commitment_signed_on,
                                           unpaid=case.amount_unpaid, on=on, months=terms.early_removal_months)
    if missing:
        raise RuleRefused(" ".join(missing))
    _transition(entry, S.REMOVAL_REQUESTED)
    entry.corrected_on, entry.commitment_signed_on = corrected_on, commitment_signed_on
    entry.removal_requested_on, entry.removal_requested_by = on, actor
    entry.removal_decision_due = add_workdays(on, terms.removal_decision_workdays)
    save(entry, actor)
    record(AuditKind.LISTING_REMOVAL_REQUESTED, entry, actor=actor, title=_("Early removal requested"),
           url=entry.get_absolute_url(), corrected_on=corrected_on, due=entry.removal_decision_due)
    return entry


@transaction.atomic
def decide_early_removal(entry, *, actor, approve: bool, note: str = "", on=None) -> ListingEntry:
    """Approve (removed, publication withdrawn, departments notified) or refuse (listed again)."""
    on = on or today()
    entry = _lock(entry, actor, Action.APPROVE)
    if entry.status != S.REMOVAL_REQUESTED:
        _transition(entry, S.REMOVED_EARLY)
    _second_person(actor, entry.removal_requested_by, _("The early-removal decision"))
    if not approve:
        if not note.strip():
            raise RuleRefused(_("Give the reason for refusing."), "note")
        _transition(entry, S.LISTED)
        entry.removal_requested_on = entry.removal_requested_by = entry.removal_decision_due = None
        save(entry, actor)
        record(AuditKind.LISTING_REMOVAL_REFUSED, entry, actor=actor, title=_("Early removal refused"),
               detail=note.strip(), url=entry.get_absolute_url())
        return entry
    _end(entry, S.REMOVED_EARLY, on, note.strip() or _("Early removal after the arrears were paid."), actor)
    notify_departments(entry, NoticeKind.REMOVED, on)
    record(AuditKind.LISTING_REMOVED_EARLY, entry, actor=actor, title=_("Removed early from the joint-punishment list"),
           detail=entry.end_reason, url=entry.get_absolute_url())
    return entry


def _end(entry, status, on, reason, actor):
    _transition(entry, status)
    entry.ended_on, entry.end_reason = on, reason
    if entry.published_at and not entry.publication_withdrawn_at:
        entry.publication_withdrawn_at = timezone.now()
    save(entry, actor)


def expire_listings(on=None) -> int:
    """Remove every listing whose term is over (expires_on is the first day it no longer applies): status
    EXPIRED, publication withdrawn, departments notified. Idempotent; the daily task calls it."""
    on = on or today()
    count = 0
    due = ListingEntry.objects.filter(status__in=S.in_force(), expires_on__lte=on).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            entry = (ListingEntry.objects.select_for_update(of=("self",)).select_related("enterprise", "district")
                     .filter(pk=pk, status__in=S.in_force(), expires_on__lte=on).first())
            if entry is None:
                continue
            _end(entry, S.EXPIRED, on, _("The %(n)d-year term ended.") % {
                "n": policy(entry.listed_on).listing_years}, None)
            notify_departments(entry, NoticeKind.EXPIRED, on)
            record(AuditKind.LISTING_EXPIRED, entry, actor=None, title=_("Joint-punishment listing expired"),
                   url=entry.get_absolute_url(), expires_on=entry.expires_on)
            count += 1
    return count
