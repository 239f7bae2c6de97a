"""Labour-law credit grading (企业劳动保障守法诚信等级评价办法, 人社部规〔2016〕1号; domain.md §10).

The rules:

- A: not penalised or handled for any labour-security violation in the evaluation period;
- B: penalised or handled, but in no C situation;
- C: penalised or handled C_VIOLATION_THRESHOLD (3) or more times, or any one CTrigger
  (mass or extreme incident, child or forced labour, refusing an order or decision, obstructing
  inspection, criminal liability), or on the joint-punishment list.

What the platform knows comes from *providers*: each reports findings for a set of enterprises and
a period. This app ships the violation-record provider; the blacklist and cases apps register theirs
in their AppConfig.ready() with register_provider(). A provider's `binding` finding is a floor an
official cannot confirm away (the blacklist: "an enterprise on the list is at least C").

Proposals are made in bulk (the annual run) or for one enterprise; officials confirm or reject them.
Only confirmation changes Enterprise.grade.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Protocol

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from audit import events
from audit.kinds import AuditKind
from core.city_settings import city_setting
from kernel.errors import RuleRefused
from kernel.roles import Action
from kernel.scoping import can

from .choices import (
    C_VIOLATION_THRESHOLD,
    CTrigger,
    EnterpriseStatus,
    Grade,
    GradeStatus,
    Handling,
    TimelineKind,
    ViolationCategory,
    cite_reason,
)
from .models import CreditGrade, Enterprise, Violation
from .timeline import build_entry, file_language, save_entries

__all__ = [
    "Finding",
    "Proposal",
    "confirm_grade",
    "confirm_grades",
    "decide",
    "evaluation_period",
    "findings_for",
    "propose_grade",
    "propose_grades",
    "register_provider",
    "reject_grade",
]

BATCH_SIZE = 2000
PROPOSAL_FIELDS = ["grade", "proposed_grade", "reasons", "violation_count", "basis", "proposed_at", "proposed_by"]


# --- providers -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One fact that bears on a grade."""

    code: str  # a CTrigger value, or "handled" for a plain penalty or handling decision
    label: str
    source: str
    ref: str = ""
    counted: bool = False  # a penalty or handling decision: counts towards B and the threshold
    binding: bool = False  # officials may not confirm a grade better than C while it holds


class FindingProvider(Protocol):
    name: str

    def findings(self, enterprises, start: dt.date, end: dt.date) -> dict[int, list[Finding]]:
        """Findings per enterprise id for the enterprises of the queryset in [start, end]."""


_PROVIDERS: dict[str, FindingProvider] = {}


def register_provider(provider: FindingProvider) -> None:
    """Plug a source of grading facts in (idempotent by name)."""
    _PROVIDERS[provider.name] = provider


def registered_providers() -> list[FindingProvider]:
    return list(_PROVIDERS.values())


class ViolationProvider:
    """Violation records entered by inspectors (enterprises.Violation)."""

    name = "violations"

    def findings(self, enterprises, start, end):
        result: dict[int, list[Finding]] = defaultdict(list)
        rows = (
            Violation.objects.filter(enterprise__in=enterprises.values("pk"), decided_on__range=(start, end),
                                     revoked=False)
            .values_list("pk", "enterprise_id", "handling", "c_trigger", "decided_on", "category")
            .order_by("decided_on", "pk")
        )
        counted_handlings = {str(h) for h in Handling.counted()}
        for pk, enterprise_id, handling, trigger, decided_on, category in rows:
            ref = f"enterprises.violation:{pk}"
            if handling in counted_handlings:
                result[enterprise_id].append(Finding(
                    code="handled", source=self.name, ref=ref, counted=True,
                    label=f"{decided_on:%Y-%m-%d} {ViolationCategory(category).label}",
                ))
            if trigger:
                result[enterprise_id].append(Finding(
                    code=trigger, source=self.name, ref=ref, label=str(CTrigger(trigger).label),
                ))
        return result


def findings_for(enterprises, year: int) -> dict[int, list[Finding]]:
    start, end = evaluation_period(year)
    merged: dict[int, list[Finding]] = defaultdict(list)
    for provider in registered_providers():
        for enterprise_id, found in provider.findings(enterprises, start, end).items():
            merged[enterprise_id].extend(found)
    return merged


# --- rules -----------------------------------------------------------------------------------

def evaluation_period(year: int) -> tuple[dt.date, dt.date]:
    """人社部规〔2016〕1号: the annual evaluation rests on the previous year's record (domain.md §10.2); a city
    may evaluate more years (city setting grading_period_years, read as in force on 1 January of `year`)."""
    years = city_setting("grading_period_years", dt.date(year, 1, 1))
    return dt.date(year - years, 1, 1), dt.date(year - 1, 12, 31)


@dataclass
class Proposal:
    grade: str
    violation_count: int
    reasons: list[dict] = field(default_factory=list)

    @property
    def binding(self) -> bool:
        return any(r.get("binding") for r in self.reasons)

    def basis(self) -> str:
        if not self.reasons:
            return _("No penalty or handling decision in the evaluation period.")
        return "; ".join(r["label"] for r in self.reasons)


def decide(findings: Iterable[Finding]) -> Proposal:
    """Apply the grade criteria of 人社部规〔2016〕1号 to one enterprise's findings."""
    findings = list(findings)
    counted = [f for f in findings if f.counted]
    triggers = [f for f in findings if f.code in CTrigger.values]
    reasons = [asdict(f) for f in triggers]
    if len(counted) >= C_VIOLATION_THRESHOLD:
        reasons.insert(0, asdict(Finding(code=CTrigger.REPEATED.value, source="rules",
                                         label=str(CTrigger.REPEATED.label))))
    if reasons:
        grade = Grade.C
    elif counted:
        grade = Grade.B
        reasons = [asdict(f) for f in counted]
    else:
        grade = Grade.A
    # Each reason carries its rule (stored text, in the file's language like the labels).
    reasons = [cite_reason(r) for r in reasons]
    return Proposal(grade=grade.value, violation_count=len(counted), reasons=reasons)


# --- proposals -------------------------------------------------------------------------------

@dataclass
class BatchResult:
    created: int = 0
    updated: int = 0
    skipped: int = 0


@transaction.atomic
def propose_grades(enterprises, year: int, *, actor=None, include_decided: bool = False) -> BatchResult:
    """Propose a grade for every enterprise of the queryset (set-based: a fixed number of queries
    per 2,000 enterprises). An open proposal is refreshed; enterprises already confirmed for the
    year are skipped unless include_decided (re-grading after a new decision, domain.md §10.7)."""
    if actor is not None and not can(actor, Action.ADD, CreditGrade):
        raise PermissionDenied
    enterprises = enterprises.exclude(status=EnterpriseStatus.DEREGISTERED)
    now = timezone.now()
    with file_language():  # reasons and basis are stored text
        found = findings_for(enterprises, year)
    open_rows = {g.enterprise_id: g for g in CreditGrade.objects.filter(
        enterprise__in=enterprises.values("pk"), year=year, status=GradeStatus.PROPOSED)}
    decided = set() if include_decided else set(CreditGrade.objects.filter(
        enterprise__in=enterprises.values("pk"), year=year, status=GradeStatus.CONFIRMED,
    ).values_list("enterprise_id", flat=True))
    result, new, changed = BatchResult(), [], []
    for enterprise_id in enterprises.values_list("pk", flat=True).iterator(chunk_size=BATCH_SIZE):
        if enterprise_id in decided:
            result.skipped += 1
            continue
        with file_language():
            proposal = decide(found.get(enterprise_id, ()))
            basis = proposal.basis()
        values = {"grade": proposal.grade, "proposed_grade": proposal.grade, "reasons": proposal.reasons,
                  "violation_count": proposal.violation_count, "basis": basis,
                  "proposed_at": now, "proposed_by": actor}
        row = open_rows.get(enterprise_id)
        if row is None:
            new.append(CreditGrade(enterprise_id=enterprise_id, year=year, **values))
            continue
        for name, value in values.items():
            setattr(row, name, value)
        changed.append(row)
    user = actor if getattr(actor, "pk", None) else None
    if new:
        bulk_create_with_history(new, CreditGrade, batch_size=BATCH_SIZE, default_user=user)
    if changed:
        bulk_update_with_history(changed, CreditGrade, PROPOSAL_FIELDS, batch_size=BATCH_SIZE, default_user=user)
    result.created, result.updated = len(new), len(changed)
    events.record(AuditKind.CREDIT_GRADES_PROPOSED, actor=actor, year=year, created=result.created,
                  updated=result.updated, skipped=result.skipped)
    return result


def propose_grade(enterprise, year: int, *, actor) -> CreditGrade:
    """Propose (or refresh the proposal of) one enterprise's grade for the year."""
    if enterprise.status == EnterpriseStatus.DEREGISTERED:
        raise RuleRefused(_("A deregistered enterprise is not graded."))
    propose_grades(Enterprise.objects.filter(pk=enterprise.pk), year, actor=actor, include_decided=True)
    return CreditGrade.objects.get(enterprise=enterprise, year=year, status=GradeStatus.PROPOSED)


# --- decisions -------------------------------------------------------------------------------

def _approvable(actor, ids):
    qs = (CreditGrade.objects.visible_to(actor, Action.APPROVE)
          .filter(pk__in=ids, status=GradeStatus.PROPOSED)
          .select_related("enterprise__district").select_for_update(of=("self",)))
    return list(qs.order_by("pk"))


@transaction.atomic
def confirm_grades(ids: Iterable[int], *, actor, note: str = "") -> int:
    """Confirm proposals as proposed, in bulk. Each confirmation records the previous grade, sets
    Enterprise.grade, writes an audit event and a timeline entry. Proposals the actor may not
    approve (another district, a non-approving role) are left alone. Returns how many were confirmed."""
    grades = _approvable(actor, list(ids))
    now = timezone.now()
    entries, by_grade = [], defaultdict(list)
    for grade in grades:
        _decide(grade, actor=actor, final=grade.proposed_grade, note=note, now=now)
        by_grade[(grade.grade, grade.previous_grade)].append(grade)
        entries.append(_timeline_entry(grade, actor, now))
    # Set-based: one UPDATE per (grade, previous grade) pair instead of Django's per-row CASE in
    # bulk_update, then the history rows in bulk (simple-history's bulk_history_create).
    for (final, previous), rows in by_grade.items():
        pks = [g.pk for g in rows]
        CreditGrade.objects.filter(pk__in=pks).update(
            grade=final, status=GradeStatus.CONFIRMED, previous_grade=previous, decided_at=now, decided_by=actor,
            decision_note=note.strip())
        Enterprise.objects.filter(pk__in=[g.enterprise_id for g in rows]).update(grade=final, updated_at=now)
    if grades:
        user = actor if getattr(actor, "pk", None) else None
        CreditGrade.history.bulk_history_create(grades, update=True, default_user=user, default_date=now)
        Enterprise.history.bulk_history_create([g.enterprise for g in grades], update=True, default_user=user,
                                               default_date=now)
        save_entries(entries)
    return len(grades)


@transaction.atomic
def confirm_grade(grade: CreditGrade, *, actor, final: str | None = None, note: str = "") -> CreditGrade:
    """Confirm one proposal, optionally with a different grade: a different grade needs a note, and
    a binding finding (the blacklist) keeps the grade at C."""
    rows = _approvable(actor, [grade.pk])
    if not rows:
        raise PermissionDenied
    grade = rows[0]
    final = final or grade.proposed_grade
    if final != grade.proposed_grade and not note.strip():
        raise RuleRefused(_("Give the reason for a grade other than the proposed one."), "note")
    if final != Grade.C and any(r.get("binding") for r in grade.reasons):
        raise RuleRefused(_("An enterprise on the joint-punishment list is at least grade C."), "grade")
    now = timezone.now()
    _decide(grade, actor=actor, final=final, note=note, now=now)
    grade._history_user = actor
    grade.save()
    grade.enterprise._history_user = actor
    grade.enterprise.save(update_fields=["grade", "updated_at"])
    save_entries([_timeline_entry(grade, actor, now)])
    return grade


def _decide(grade, *, actor, final, note, now):
    grade.previous_grade = grade.enterprise.grade
    grade.grade = final
    grade.status = GradeStatus.CONFIRMED
    grade.decided_at, grade.decided_by, grade.decision_note = now, actor, note.strip()
    grade.enterprise.grade = final
    grade.enterprise.updated_at = now
    events.record(AuditKind.CREDIT_GRADE_CONFIRMED, actor=actor, obj=grade, district=grade.enterprise.district,
                  enterprise=grade.enterprise_id, year=grade.year, grade=final,
                  proposed=grade.proposed_grade, previous=grade.previous_grade)


def _timeline_entry(grade, actor, now):
    with file_language():
        return _grade_entry(grade, actor, now)


def _grade_entry(grade, actor, now):
    if grade.previous_grade and grade.previous_grade != grade.grade:
        title = _("Credit grade %(year)d: %(grade)s (was %(previous)s)") % {
            "year": grade.year, "grade": grade.grade, "previous": grade.previous_grade}
    else:
        title = _("Credit grade %(year)d: %(grade)s") % {"year": grade.year, "grade": grade.grade}
    return build_entry(grade.enterprise, TimelineKind.GRADE, title, detail=grade.basis, actor=actor, obj=grade,
                       occurred_at=now)


@transaction.atomic
def reject_grade(grade: CreditGrade, *, actor, reason: str) -> CreditGrade:
    """Reject a proposal (for example, a violation record that was wrong); the grade stays as it was."""
    if not reason.strip():
        raise RuleRefused(_("Give a reason."), "reason")
    rows = _approvable(actor, [grade.pk])
    if not rows:
        raise PermissionDenied
    grade = rows[0]
    grade.status = GradeStatus.REJECTED
    grade.decided_at, grade.decided_by, grade.decision_note = timezone.now(), actor, reason.strip()
    grade._history_user = actor
    grade.save()
    events.record(AuditKind.CREDIT_GRADE_REJECTED, actor=actor, obj=grade, district=grade.enterprise.district,
                  enterprise=grade.enterprise_id, year=grade.year, proposed=grade.proposed_grade)
    return grade
