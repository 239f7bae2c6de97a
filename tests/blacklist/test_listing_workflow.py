"""The 45号 state machine (peers.md P44): the objection period in working days, nothing published before
it ends, maker ≠ checker, listed and published, expiry after exactly 3 years, early removal at 6 months.
While listed, the grading and the deposit rate read the list through their registries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from audit.models import AuditEvent
from blacklist import services
from blacklist.choices import ListingStatus, NoticeKind
from blacklist.models import ListingEntry
from cases import services as case_services
from deposits import providers as deposit_providers
from enterprises.choices import CTrigger, Grade, TimelineKind
from enterprises.grading import decide, findings_for
from enterprises.models import TimelineEntry
from kernel.errors import DomainError, IllegalTransition

from .factories import (
    LISTED_ON,
    NOTICE_ON,
    OBJECTION_END,
    PROPOSED_ON,
    listed_entry,
    notified_entry,
    proposed_entry,
    review_request,
)

pytestmark = pytest.mark.django_db
D = dt.date


def test_notice_opens_five_working_days_to_object(personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    assert entry.status == ListingStatus.NOTIFIED
    assert entry.notice_served_on == NOTICE_ON
    assert entry.objection_deadline == OBJECTION_END  # Wed 1 July + 5 working days (weekend skipped)


def test_objection_period_follows_the_policy(personas, partner):
    from blacklist.models import BlacklistPolicy

    BlacklistPolicy.objects.create(effective_from=D(2026, 1, 1), objection_workdays=10)
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    assert entry.objection_deadline == D(2026, 7, 15)


def test_nothing_is_decided_or_published_during_the_objection_period(personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    for day in (NOTICE_ON, OBJECTION_END):
        with pytest.raises(IllegalTransition, match="before the objection period ends"):
            services.decide_listing(entry, actor=personas.chengguan_official, listed=True, decision_number="X1",
                                    on=day)
    entry.refresh_from_db()
    assert entry.status == ListingStatus.NOTIFIED and entry.published_at is None
    assert not ListingEntry.objects.public(OBJECTION_END).exists()
    assert not entry.notices.exists()


def test_a_statement_is_recorded_within_the_period_only(personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    entry = services.record_statement(entry, actor=personas.chengguan_inspector, text="已筹措资金",
                                      received_on=D(2026, 7, 6))
    assert "已筹措资金" in entry.statement
    with pytest.raises(DomainError, match="objection period ended"):
        services.record_statement(entry, actor=personas.chengguan_inspector, text="迟到", received_on=D(2026, 7, 9))


def test_the_maker_cannot_decide_their_own_proposal(personas, partner):
    official = personas.chengguan_official
    # Two inspectors investigate (officials do not count towards them); the official proposes and notifies.
    request = review_request(personas.chengguan_inspector, partner, personas.enterprise_a)
    entry = services.propose_listing(request, actor=official, on=PROPOSED_ON)
    entry = services.serve_notice(entry, actor=official, served_on=NOTICE_ON)
    with pytest.raises(PermissionDenied, match="second person"):
        services.decide_listing(entry, actor=official, listed=True, decision_number="X1", on=LISTED_ON)


def test_an_inspector_may_not_decide(personas, partner):
    entry = notified_entry(partner, personas.chengguan_inspector, personas.enterprise_a)
    with pytest.raises(PermissionDenied):
        services.decide_listing(entry, actor=personas.chengguan_inspector, listed=True, decision_number="X1",
                                on=LISTED_ON)


def test_other_district_official_gets_no_access(personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    with pytest.raises(PermissionDenied):
        services.decide_listing(entry, actor=personas.qilihe_official, listed=True, decision_number="X1",
                                on=LISTED_ON)


def test_listing_after_the_period_publishes_and_notifies(personas, partner):
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    assert entry.status == ListingStatus.LISTED
    # 民法典 Arts. 201–202: listed 2026-07-09, in force through the corresponding day 2029-07-09
    assert entry.listed_on == LISTED_ON and entry.last_day_in_force == D(2029, 7, 9)
    assert entry.expires_on == D(2029, 7, 10)
    assert entry.published_at is not None
    assert list(ListingEntry.objects.public(LISTED_ON)) == [entry]
    notice = entry.notices.get()
    assert notice.kind == NoticeKind.LISTED
    assert notice.payload["credit_code"] == personas.enterprise_a.credit_code
    assert AuditEvent.objects.filter(event="listing_decided", object_id=str(entry.pk)).exists()
    assert TimelineEntry.objects.filter(enterprise=personas.enterprise_a, kind=TimelineKind.BLACKLIST,
                                        title__startswith="Listed on the joint-punishment list").exists()


def test_deciding_not_to_list_needs_a_reason(personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    with pytest.raises(DomainError, match="reason"):
        services.decide_listing(entry, actor=personas.chengguan_official, listed=False, on=LISTED_ON)
    entry = services.decide_listing(entry, actor=personas.chengguan_official, listed=False, note="已全部支付",
                                    on=LISTED_ON)
    assert entry.status == ListingStatus.NOT_LISTED and entry.published_at is None


def test_expiry_after_exactly_three_years(personas, partner):
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    last_day = D(2029, 7, 9)  # the corresponding day is the last day in force, not the first day out
    assert services.expire_listings(on=last_day) == 0
    assert ListingEntry.objects.public(last_day).exists()
    assert not ListingEntry.objects.public(D(2029, 7, 10)).exists()  # the date decides even before the task ran
    assert services.expire_listings(on=D(2029, 7, 10)) == 1
    assert services.expire_listings(on=D(2029, 7, 11)) == 0  # idempotent
    entry.refresh_from_db()
    assert entry.status == ListingStatus.EXPIRED and entry.publication_withdrawn_at is not None
    assert list(entry.notices.values_list("kind", flat=True)) == [NoticeKind.LISTED, NoticeKind.EXPIRED]
    assert AuditEvent.objects.filter(event="listing_expired", object_id=str(entry.pk)).exists()


def _pay_in_full(entry, actor, on):
    case = entry.case
    case.refresh_from_db()
    case_services.record_recovery(case, actor=actor, paid_on=on, amount=case.amount_unpaid,
                                  workers_paid=case.workers_owed)


def test_early_removal_needs_payment_six_months_and_a_commitment(personas, partner, calendar_2029):
    inspector, official = personas.chengguan_inspector, personas.chengguan_official
    entry = listed_entry(inspector, partner, official, personas.enterprise_a)
    with pytest.raises(DomainError, match="not been paid"):
        services.request_early_removal(entry, actor=inspector, corrected_on=D(2026, 7, 20),
                                       commitment_signed_on=D(2026, 7, 20), on=D(2027, 1, 20))
    _pay_in_full(entry, inspector, D(2026, 7, 20))
    # paid 2026-07-20: the six months run 07-21 .. 2027-01-20, so they have passed from 2027-01-21
    with pytest.raises(DomainError, match="Less than 6 months"):
        services.request_early_removal(entry, actor=inspector, corrected_on=D(2026, 7, 20),
                                       commitment_signed_on=D(2026, 7, 20), on=D(2027, 1, 20))
    with pytest.raises(DomainError, match="commitment"):
        services.request_early_removal(entry, actor=inspector, corrected_on=D(2026, 7, 20),
                                       commitment_signed_on=None, on=D(2027, 1, 21))
    entry = services.request_early_removal(entry, actor=official, corrected_on=D(2026, 7, 20),
                                           commitment_signed_on=D(2027, 1, 15), on=D(2027, 1, 21))
    assert entry.status == ListingStatus.REMOVAL_REQUESTED
    assert entry.removal_decision_due == D(2027, 2, 11)  # 15 working days (weekdays-only 2027 calendar)
    with pytest.raises(PermissionDenied):
        services.decide_early_removal(entry, actor=inspector, approve=True, on=D(2027, 1, 25))  # no approval right
    with pytest.raises(PermissionDenied, match="second person"):
        services.decide_early_removal(entry, actor=official, approve=True, on=D(2027, 1, 25))
    entry = services.decide_early_removal(entry, actor=personas.city_admin, approve=True, on=D(2027, 1, 25))
    assert entry.status == ListingStatus.REMOVED_EARLY and entry.ended_on == D(2027, 1, 25)
    assert entry.publication_withdrawn_at is not None
    assert not ListingEntry.objects.public(D(2027, 1, 25)).exists()
    assert entry.notices.order_by("pk").last().kind == NoticeKind.REMOVED


def test_a_refused_early_removal_keeps_the_listing(personas, partner, calendar_2029):
    inspector, official = personas.chengguan_inspector, personas.chengguan_official
    entry = listed_entry(inspector, partner, official, personas.enterprise_a)
    _pay_in_full(entry, inspector, D(2026, 7, 20))
    entry = services.request_early_removal(entry, actor=inspector, corrected_on=D(2026, 7, 20),
                                           commitment_signed_on=D(2027, 1, 15), on=D(2027, 1, 21))
    entry = services.decide_early_removal(entry, actor=official, approve=False, note="材料不全", on=D(2027, 1, 25))
    assert entry.status == ListingStatus.LISTED
    assert ListingEntry.objects.public(D(2027, 1, 25)).exists()


def test_illegal_transitions_are_refused(personas, partner):
    entry = proposed_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    with pytest.raises(IllegalTransition):
        services.decide_listing(entry, actor=personas.chengguan_official, listed=True, decision_number="X",
                                on=LISTED_ON)
    with pytest.raises(IllegalTransition):
        services.request_early_removal(entry, actor=personas.chengguan_inspector, corrected_on=D(2026, 7, 1),
                                       commitment_signed_on=D(2026, 7, 1), on=LISTED_ON)


def test_listed_enterprise_is_at_least_grade_c_and_deposits_see_the_listing(personas, partner):
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    from enterprises.models import Enterprise

    found = findings_for(Enterprise.objects.filter(pk=entry.enterprise_id), timezone.localdate().year)
    listed = [f for f in found[entry.enterprise_id] if f.code == CTrigger.BLACKLISTED]
    assert listed and listed[0].binding
    assert decide(found[entry.enterprise_id]).grade == Grade.C
    ids = [personas.enterprise_a.pk, personas.enterprise_b.pk]
    assert deposit_providers.listed(ids, LISTED_ON) == {personas.enterprise_a.pk}
    assert deposit_providers.listed(ids, D(2029, 7, 9)) == {personas.enterprise_a.pk}  # its last day
    assert deposit_providers.listed(ids, D(2029, 7, 10)) == set()  # the term is over


def test_the_listing_amount_is_the_unpaid_amount(personas, partner):
    entry = proposed_entry(personas.chengguan_inspector, partner, personas.enterprise_a, workers=12,
                           amount=Decimal("60000.00"))
    assert entry.unpaid_amount == Decimal("60000.00") and entry.workers == 12
    assert "12 workers" in entry.facts
