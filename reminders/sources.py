"""The deadline reminders, one source per duty. Each source reads ONE app's fact module, set-based (a query
or two for the whole city, never a loop over records), and yields a Reminder per duty and recipient set; the
key (source, record, deadline) makes notify() send each reminder once, and a new deadline a new one.

A source takes the day and the working-day calendar and answers the reminders due on that day; a record
enters its window once and stays in it until acted on, so an hourly run that missed a day catches up."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from blacklist import facts as blacklist_facts
from cases import facts as case_facts
from certificates import facts as certificate_facts
from deposits import facts as deposit_facts

from . import rules
from .recipients import Recipients


@dataclass(frozen=True)
class Reminder:
    kind: str
    users: list
    title: str
    link: str
    key: str


def _remind(duties, kind: str, title, **who) -> Iterator[Reminder]:
    """A reminder per duty to its people (Recipients: officials, enterprise, holders), keyed by kind,
    record and deadline."""
    people = Recipients(duties, **who)
    for duty in duties:
        users = people.of(duty)
        if users:
            yield Reminder(kind, users, title(duty), duty.link, f"{kind}:{duty.pk}:{duty.due_on:%Y-%m-%d}")


def _day(duty) -> str:
    return f"{duty.due_on:%Y-%m-%d}"


def complaint_acceptance(today: dt.date, calendar) -> Iterator[Reminder]:
    """Complaints whose decision on acceptance is due within a working day: the district's officials."""
    due_by = calendar.add_workdays(today, rules.ACCEPTANCE_LEAD_WORKDAYS)
    yield from _remind(
        case_facts.complaints_awaiting_decision(due_by),
        "reminder.complaint_acceptance",
        lambda d: _("Complaint %(number)s: decide on acceptance by %(day)s") % {"number": d.label, "day": _day(d)},
        officials=True,
    )


def investigation_day_50(today: dt.date, calendar) -> Iterator[Reminder]:
    """Investigations at working day 50 (ten before the deadline): the inspectors and the district officials."""
    lead = case_facts.INVESTIGATION_WORKDAYS - rules.INVESTIGATION_FIRST_REMINDER_WORKDAYS
    duties = [d for d in case_facts.investigations_due(calendar.add_workdays(today, lead)) if d.due_on > today]
    yield from _remind(
        duties,
        "reminder.investigation_early",
        lambda d: (
            _("Case %(number)s: the investigation must end by %(day)s (%(left)d working days left)")
            % {"number": d.label, "day": _day(d), "left": calendar.workdays_between(today, d.due_on)}
        ),
        officials=True,
        holders=True,
    )


def investigation_deadline(today: dt.date, calendar) -> Iterator[Reminder]:
    """Investigations whose deadline (working day 60, or the extended one) has come."""
    yield from _remind(
        case_facts.investigations_due(today),
        "reminder.investigation_due",
        lambda d: _("Case %(number)s: the investigation deadline is %(day)s") % {"number": d.label, "day": _day(d)},
        officials=True,
        holders=True,
    )


def order_deadlines(today: dt.date, calendar) -> Iterator[Reminder]:
    """Orders to pay due within two working days: the case's inspectors check payment."""
    yield from _remind(
        case_facts.orders_due(calendar.add_workdays(today, rules.ORDER_LEAD_WORKDAYS)),
        "reminder.order_deadline",
        lambda d: (
            _("Case %(number)s: the order to pay is due on %(day)s; check the payment")
            % {"number": d.label, "day": _day(d)}
        ),
        holders=True,
    )


def extension_approvals(today: dt.date, calendar) -> Iterator[Reminder]:
    """Extensions of an investigation waiting for approval: the district officials decide."""
    yield from _remind(
        case_facts.extension_requests(),
        "reminder.extension_pending",
        lambda d: (
            _("Case %(number)s: an extension of the investigation waits for your approval (deadline %(day)s)")
            % {"number": d.label, "day": _day(d)}
        ),
        officials=True,
    )


def deposit_topups(today: dt.date, calendar) -> Iterator[Reminder]:
    """Drawn deposits to be topped up within two working days: the contractor and the district officials."""
    yield from _remind(
        deposit_facts.topups_due(calendar.add_workdays(today, rules.TOPUP_LEAD_WORKDAYS)),
        "reminder.deposit_topup",
        lambda d: _("Wage deposit of %(project)s: top it up by %(day)s") % {"project": d.label, "day": _day(d)},
        officials=True,
        enterprise=True,
    )


def guarantee_expiry(today: dt.date, calendar) -> Iterator[Reminder]:
    """Guarantees ending within the deposits app's reminder period: the contractor renews, the district sees."""
    yield from _remind(
        deposit_facts.guarantee_expiry_duties(today),
        "reminder.guarantee_expiry",
        lambda d: (
            _("Wage deposit of %(project)s: the guarantee ends on %(day)s; renew or extend it")
            % {"project": d.label, "day": _day(d)}
        ),
        officials=True,
        enterprise=True,
    )


def listing_objections(today: dt.date, calendar) -> Iterator[Reminder]:
    """Objection periods of a prior notice ending within two working days: the enterprise may still state its
    case, the district decides after it."""
    yield from _remind(
        blacklist_facts.objections_closing(calendar.add_workdays(today, rules.OBJECTION_LEAD_WORKDAYS)),
        "reminder.listing_objection",
        lambda d: (
            _("Proposed listing of %(name)s: the period for statement and defence ends on %(day)s")
            % {"name": d.label, "day": _day(d)}
        ),
        officials=True,
        enterprise=True,
    )


def listing_expiry(today: dt.date, calendar) -> Iterator[Reminder]:
    """Listings whose term ends within a month: the district officials prepare the removal notice."""
    yield from _remind(
        blacklist_facts.listings_expiring(today, today + dt.timedelta(days=rules.LISTING_EXPIRY_LEAD_DAYS)),
        "reminder.listing_expiry",
        lambda d: _("Listing of %(name)s ends on %(day)s") % {"name": d.label, "day": _day(d)},
        officials=True,
    )


def certificate_expiry(today: dt.date, calendar) -> Iterator[Reminder]:
    """No-arrears certificates ending within a month: the enterprise applies for a new one."""
    yield from _remind(
        certificate_facts.certificates_expiring(today, today + dt.timedelta(days=rules.CERTIFICATE_EXPIRY_LEAD_DAYS)),
        "reminder.certificate_expiry",
        lambda d: _("No-arrears certificate %(serial)s is valid until %(day)s") % {"serial": d.label, "day": _day(d)},
        enterprise=True,
    )


SOURCES = [
    complaint_acceptance,
    investigation_day_50,
    investigation_deadline,
    order_deadlines,
    extension_approvals,
    deposit_topups,
    guarantee_expiry,
    listing_objections,
    listing_expiry,
    certificate_expiry,
]
