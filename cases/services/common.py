"""What every case service shares: the deadline refusal, locking in scope, the working-day calendar and the
one writer of a case event (case timeline + audit event + enterprise timeline, in one transaction)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from audit.kinds import AuditKind
from core.workdays import CalendarNotCovered, WorkdayCalendar
from enterprises.choices import TimelineKind
from enterprises.timeline import record_with_timeline
from kernel.errors import IllegalTransition, RuleRefused
from kernel.fetch import lock_in_scope
from kernel.roles import Action, Role

from .. import hooks
from ..choices import SERVED_EVENT_KINDS, EventKind
from ..models import Case, CaseEvent


class DeadlineUnavailable(RuleRefused):
    """A statutory deadline falls in a year without a holiday schedule (core.workdays raised and audited it)."""

    def __init__(self, year: int):
        self.year = year
        super().__init__(_(
            "The deadline cannot be computed: there is no holiday schedule for %(year)d. Ask the city "
            "administrator to enter the %(year)d calendar (Administration → covered calendar years and "
            "calendar overrides); nothing was changed.") % {"year": year})


def today() -> dt.date:
    return timezone.localdate()


def calendar() -> WorkdayCalendar:
    return WorkdayCalendar()


def deadline(fn, *args, **kwargs) -> dt.date:
    """Call a deadline rule; an uncovered year becomes a clear DeadlineUnavailable (never a guess)."""
    try:
        return fn(*args, **kwargs)
    except CalendarNotCovered as exc:
        raise DeadlineUnavailable(exc.year) from exc


def lock_case(case, actor, action=Action.CHANGE) -> Case:
    """The case row, locked for the transaction, if the actor may take the action on it. `actor=None` is the
    platform itself (a periodic task), which acts on any case."""
    return lock_in_scope(Case.objects.select_related("district", "enterprise"), actor, action,
                         denied=_("You may not change this case."), pk=case.pk)


def require_status(case, allowed, action_label) -> None:
    if case.status not in allowed:
        raise IllegalTransition(_("%(action)s is not possible while the case is “%(status)s”.") % {
            "action": action_label, "status": case.get_status_display()})


# Decree 423 Art. 16: an investigation is carried out by at least two labour-inspection officers (监察员) holding
# the inspection certificate. A district official supervises and approves (maker ≠ checker); a grid assistant
# (网格协管员) reports and helps but holds no certificate: neither counts towards the two.
CASEWORKER_ROLES = (Role.INSPECTOR,)


def is_caseworker(user, district_id) -> bool:
    """Who may be assigned to a case of the district: its active inspectors."""
    return user.is_active and user.role in CASEWORKER_ROLES and user.district_id == district_id


# The audit kind of a case event whose writer names none (`audit=`): the case event kind decides.
CASE_EVENT_AUDIT = {
    EventKind.FILED: AuditKind.CASE_FILED,
    EventKind.COMPLAINT_JOINED: AuditKind.CASE_COMPLAINT_JOINED,
    EventKind.ASSIGNED: AuditKind.CASE_ASSIGNED,
    EventKind.RECUSED: AuditKind.CASE_RECUSED,
    EventKind.OVERDUE: AuditKind.CASE_OVERDUE,
    EventKind.COMPLIED: AuditKind.CASE_COMPLIED,
    EventKind.COMPENSATION: AuditKind.CASE_COMPENSATION,
    EventKind.CLOSED: AuditKind.CASE_CLOSED,
    EventKind.WITHDRAWN: AuditKind.CASE_WITHDRAWN,
}


def record_event(case, kind, title, *, actor, on=None, detail: str = "", audit: AuditKind | None = None,
                 **data) -> CaseEvent:
    """Write one case event, its audit event and the enterprise's timeline entry (same transaction)."""
    on = on or today()
    event = CaseEvent.objects.create(case=case, kind=kind, occurred_on=on, actor=actor if getattr(actor, "pk", None)
                                     else None, title=str(title)[:200], detail=detail, data=_jsonable(data))
    record_with_timeline(audit or CASE_EVENT_AUDIT[kind], case.enterprise if case.enterprise_id else None,
                         TimelineKind.CASE, f"{case.number} {title}", actor=actor, obj=case, district=case.district,
                         detail=detail, url=case.get_absolute_url(), served=kind in SERVED_EVENT_KINDS,
                         occurred_at=timezone.make_aware(dt.datetime.combine(on, timezone.localtime().time()))
                         if on != today() else None, **_jsonable(data))
    hooks.data_changed("case")  # every case action writes its event here: the case rules run again on commit
    return event


def save(obj, actor, **kwargs):
    obj._history_user = actor if getattr(actor, "pk", None) else None
    obj.save(**kwargs)
    return obj


def _jsonable(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif hasattr(value, "as_tuple"):  # Decimal
            value = str(value)
        out[key] = value
    return out
