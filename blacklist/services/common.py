"""What the blacklist services share: domain errors, the policy in force, working days, the one writer of
the department feed, and the audit + timeline pair every action writes."""

import datetime as dt

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.kinds import AuditKind
from core.workdays import CalendarNotCovered, WorkdayCalendar
from enterprises.choices import TimelineKind
from enterprises.timeline import record_with_timeline
from kernel.errors import RuleRefused

from ..models import BlacklistPolicy, PunishmentNotice

FEED_LOCK = 745_045  # pg advisory lock key: notices commit in id order, so a since= cursor never skips one


def today() -> dt.date:
    return timezone.localdate()


def policy(on: dt.date) -> BlacklistPolicy:
    """The policy in force on the day; the national defaults when the city has entered none."""
    return BlacklistPolicy.objects.in_force(on).first() or BlacklistPolicy(effective_from=on)


def add_workdays(start: dt.date, n: int) -> dt.date:
    """Working days from core.workdays; a year without a holiday schedule refuses clearly (never a guess)."""
    try:
        return WorkdayCalendar().add_workdays(start, n)
    except CalendarNotCovered as exc:
        raise RuleRefused(_(
            "The deadline cannot be computed: there is no holiday schedule for %(year)d. Ask the city "
            "administrator to enter the %(year)d calendar; nothing was changed.") % {"year": exc.year}) from exc


def save(obj, actor, **kwargs):
    obj._history_user = actor if getattr(actor, "pk", None) else None
    obj.save(**kwargs)
    return obj


# The listing events served on (or asked by) the enterprise; a proposal stays internal until the notice of
# intended listing is served in writing (Decree 423 Art. 9; 人社部令第45号 prior notice, domain.md §5.1).
SERVED_EVENTS = frozenset({
    AuditKind.LISTING_NOTICE_SERVED, AuditKind.LISTING_STATEMENT_RECORDED, AuditKind.LISTING_DECLINED,
    AuditKind.LISTING_DECIDED, AuditKind.LISTING_REMOVAL_REQUESTED, AuditKind.LISTING_REMOVAL_REFUSED,
    AuditKind.LISTING_REMOVED_EARLY, AuditKind.LISTING_EXPIRED, AuditKind.MAJOR_VIOLATION_PUBLISHED,
})


def record(event: AuditKind, entry, *, actor, title, detail: str = "", url: str = "", **data):
    """A listing action through the one audit + timeline writer: the listing's timeline kind, its served rule
    (SERVED_EVENTS) and its audit detail shape (dates as ISO text, everything else as text)."""
    record_with_timeline(event, getattr(entry, "enterprise", None), TimelineKind.BLACKLIST, title, actor=actor,
                         obj=entry, district=getattr(entry, "district", None), detail=detail, url=url,
                         served=event in SERVED_EVENTS,
                         **{k: (v.isoformat() if isinstance(v, dt.date) else str(v) if v is not None else "")
                            for k, v in data.items()})


def notify_departments(entry, kind: str, on: dt.date) -> PunishmentNotice:
    """Append one notice to the departments' feed. The advisory lock serialises writers until commit, so
    notice ids become visible in increasing order and a reader's since= cursor cannot pass a late commit."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FEED_LOCK])
    enterprise = entry.enterprise
    payload = {
        "enterprise": enterprise.name, "credit_code": enterprise.credit_code,
        "legal_representative": enterprise.legal_representative,
        "persons": [{"name": p.name, "role": p.role} for p in entry.persons.all()],
        "decision_number": entry.decision_number, "listed_on": _iso(entry.listed_on),
        "expires_on": _iso(entry.expires_on), "ended_on": _iso(entry.ended_on),
        "measures": "joint_punishment", "district": entry.district.code,
    }
    return PunishmentNotice.objects.create(entry=entry, kind=kind, occurred_at=timezone.now(), effective_on=on,
                                           payload=payload)


def _iso(day):
    return day.isoformat() if day else None
