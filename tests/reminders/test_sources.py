"""Each reminder source: reminded once (the key), not before its window, the right recipients."""

import datetime as dt

import pytest

from cases.choices import ExtensionStatus
from cases.models import CaseInspector
from core.workdays import WorkdayCalendar
from deposits.choices import DepositStatus
from deposits.models import Deposit
from notifications.models import Message
from reminders import rules, services, sources
from reminders.tasks import send_reminders
from tests.blacklist.factories import LISTED_ON, OBJECTION_END, listed_entry, notified_entry
from tests.cases.factories import CaseFactory, ComplaintFactory, inspector
from tests.certificates.factories import direct_certificate
from tests.deposits import factories as deposit_factories

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 6, 15)  # a Monday; the Dragon Boat Festival (2026-06-19) falls in the windows below


@pytest.fixture
def calendar():
    return WorkdayCalendar()


def _run(source, today):
    return services.send_reminders(today, sources=[source])[source.__name__]


def _recipients(kind):
    return sorted(Message.objects.filter(kind=kind).values_list("recipient__username", flat=True))


# --- complaints and cases (cases.facts) ---------------------------------------------------------------


def test_complaint_acceptance_reminds_the_district_officials_once(personas, calendar):
    complaint = ComplaintFactory(
        enterprise=personas.enterprise_a,
        received_on=D(2026, 6, 8),
        acceptance_deadline=calendar.add_workdays(TODAY, rules.ACCEPTANCE_LEAD_WORKDAYS),
    )
    ComplaintFactory(enterprise=personas.enterprise_a, acceptance_deadline=calendar.add_workdays(TODAY, 2))
    ComplaintFactory(enterprise=personas.enterprise_a, status="accepted", acceptance_deadline=TODAY)
    assert _run(sources.complaint_acceptance, TODAY) == 1
    assert _run(sources.complaint_acceptance, TODAY) == 0
    assert _recipients("reminder.complaint_acceptance") == ["chengguan_official"]
    message = Message.objects.get()
    assert complaint.tracking_number in message.title
    assert message.link == complaint.get_absolute_url()


@pytest.fixture
def case_team(personas, chengguan):
    first, second = personas.chengguan_inspector, inspector(chengguan, "chengguan_inspector_2")
    recused = inspector(chengguan, "chengguan_inspector_recused")
    return first, second, recused


def _case_with_team(team, enterprise, **fields):
    case = CaseFactory(enterprise=enterprise, **fields)
    first, second, recused = team
    now = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)
    for user in (first, second):
        CaseInspector.objects.create(case=case, inspector=user, assigned_at=now)
    CaseInspector.objects.create(case=case, inspector=recused, assigned_at=now, recused=True, recused_at=now)
    return case


def test_investigation_is_reminded_at_working_day_50_not_before(personas, case_team, calendar):
    filed = D(2026, 6, 1)
    deadline = calendar.add_workdays(filed, 60)
    case = _case_with_team(case_team, personas.enterprise_a, filed_on=filed, investigation_deadline=deadline)
    day_50 = calendar.add_workdays(filed, rules.INVESTIGATION_FIRST_REMINDER_WORKDAYS)
    day_49 = calendar.add_workdays(filed, rules.INVESTIGATION_FIRST_REMINDER_WORKDAYS - 1)
    assert _run(sources.investigation_day_50, day_49) == 0
    assert _run(sources.investigation_day_50, day_50) == 3
    assert _run(sources.investigation_day_50, day_50 + dt.timedelta(days=1)) == 0
    assert _recipients("reminder.investigation_early") == [
        "chengguan_inspector",
        "chengguan_inspector_2",
        "chengguan_official",
    ]
    assert case.number in Message.objects.first().title


def test_investigation_is_reminded_again_on_its_deadline(personas, case_team, calendar):
    filed = D(2026, 6, 1)
    deadline = calendar.add_workdays(filed, 60)
    _case_with_team(case_team, personas.enterprise_a, filed_on=filed, investigation_deadline=deadline)
    assert _run(sources.investigation_deadline, deadline - dt.timedelta(days=1)) == 0
    assert _run(sources.investigation_deadline, deadline) == 3
    assert _run(sources.investigation_deadline, deadline) == 0
    # no early reminder on the deadline itself (it is past the day-50 window's end)
    assert _run(sources.investigation_day_50, deadline) == 0


def test_an_extended_deadline_is_a_new_reminder(personas, case_team, calendar):
    filed = D(2026, 6, 1)
    case = _case_with_team(
        case_team, personas.enterprise_a, filed_on=filed, investigation_deadline=calendar.add_workdays(filed, 60)
    )
    assert _run(sources.investigation_deadline, case.investigation_deadline) == 3
    case.investigation_deadline = calendar.add_workdays(filed, 90)
    case.save()
    assert _run(sources.investigation_deadline, case.investigation_deadline) == 3


def test_a_case_with_an_order_is_not_reminded_of_its_investigation(personas, case_team, calendar):
    _case_with_team(
        case_team,
        personas.enterprise_a,
        status="order_issued",
        investigation_deadline=TODAY,
        order_deadline=D(2026, 7, 30),
    )
    assert _run(sources.investigation_deadline, TODAY) == 0


def test_order_deadline_reminds_the_inspectors_two_working_days_ahead(personas, case_team, calendar):
    due = calendar.add_workdays(TODAY, rules.ORDER_LEAD_WORKDAYS)
    _case_with_team(case_team, personas.enterprise_a, status="order_issued", order_deadline=due)
    _case_with_team(
        case_team,
        personas.enterprise_a,
        status="order_issued",
        order_deadline=calendar.add_workdays(TODAY, rules.ORDER_LEAD_WORKDAYS + 1),
    )
    _case_with_team(case_team, personas.enterprise_a, status="complied", order_deadline=due)
    assert _run(sources.order_deadlines, TODAY) == 2
    assert _run(sources.order_deadlines, TODAY) == 0
    assert _recipients("reminder.order_deadline") == ["chengguan_inspector", "chengguan_inspector_2"]


def test_extension_requests_remind_the_district_officials(personas, case_team):
    _case_with_team(case_team, personas.enterprise_a, extension_status=ExtensionStatus.REQUESTED)
    _case_with_team(case_team, personas.enterprise_a, extension_status=ExtensionStatus.APPROVED)
    assert _run(sources.extension_approvals, TODAY) == 1
    assert _run(sources.extension_approvals, TODAY + dt.timedelta(days=1)) == 0
    assert _recipients("reminder.extension_pending") == ["chengguan_official"]


# --- deposits (deposits.facts) ------------------------------------------------------------------------


@pytest.fixture
def deposit_project(personas):
    return deposit_factories.project(personas.enterprise_a)


def test_topups_remind_the_contractor_and_the_district(personas, deposit_project, calendar):
    deposit = deposit_factories.assessed(deposit_project, personas.chengguan_official)
    Deposit.objects.filter(pk=deposit.pk).update(
        status=DepositStatus.TOPUP_DUE, topup_due_on=calendar.add_workdays(TODAY, 3)
    )
    assert _run(sources.deposit_topups, TODAY) == 0
    Deposit.objects.filter(pk=deposit.pk).update(topup_due_on=calendar.add_workdays(TODAY, 2))
    assert _run(sources.deposit_topups, TODAY) == 2
    assert _run(sources.deposit_topups, TODAY) == 0
    assert _recipients("reminder.deposit_topup") == ["chengguan_official", "enterprise_a_user"]


def test_guarantee_expiry_reminds_within_the_deposits_reminder_period(personas, deposit_project):
    deposit = deposit_factories.guaranteed(deposit_project, personas.chengguan_official)
    assert _run(sources.guarantee_expiry, TODAY) == 0  # valid until 2027-12-31
    assert _run(sources.guarantee_expiry, deposit.valid_until - dt.timedelta(days=20)) == 2
    assert _run(sources.guarantee_expiry, deposit.valid_until - dt.timedelta(days=19)) == 0
    assert _recipients("reminder.guarantee_expiry") == ["chengguan_official", "enterprise_a_user"]


# --- the joint-punishment list (blacklist.facts) --------------------------------------------------


def test_objection_period_reminds_the_enterprise_and_the_district(personas, partner, calendar):
    notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    before = D(2026, 7, 3)  # Friday: two working days on is 2026-07-07, before the end
    assert calendar.add_workdays(before, rules.OBJECTION_LEAD_WORKDAYS) < OBJECTION_END
    assert _run(sources.listing_objections, before) == 0
    assert _run(sources.listing_objections, D(2026, 7, 6)) == 2
    assert _run(sources.listing_objections, D(2026, 7, 7)) == 0
    assert _recipients("reminder.listing_objection") == ["chengguan_official", "enterprise_a_user"]


def test_listing_expiry_reminds_the_district_a_month_ahead(personas, partner):
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    assert entry.listed_on == LISTED_ON
    window = dt.timedelta(days=rules.LISTING_EXPIRY_LEAD_DAYS)
    assert _run(sources.listing_expiry, entry.expires_on - window - dt.timedelta(days=1)) == 0
    assert _run(sources.listing_expiry, entry.expires_on - window) == 1
    assert _run(sources.listing_expiry, entry.expires_on - dt.timedelta(days=1)) == 0
    assert _recipients("reminder.listing_expiry") == ["chengguan_official"]


# --- certificates (certificates.facts) ----------------------------------------------------------------


def test_certificate_expiry_reminds_the_enterprise(personas):
    lead = rules.CERTIFICATE_EXPIRY_LEAD_DAYS
    direct_certificate(personas.enterprise_a, serial="WQX1", issued_on=TODAY - dt.timedelta(days=60), days=60 + lead)
    direct_certificate(
        personas.enterprise_a, serial="WQX2", issued_on=TODAY - dt.timedelta(days=60), days=60 + lead + 1
    )
    revoked = direct_certificate(personas.enterprise_b, serial="WQX3", issued_on=TODAY, days=10)
    revoked.status = "revoked"
    revoked.save()
    assert _run(sources.certificate_expiry, TODAY) == 1
    assert _run(sources.certificate_expiry, TODAY) == 0
    assert _recipients("reminder.certificate_expiry") == ["enterprise_a_user"]
    assert "WQX1" in Message.objects.get().title


# --- the run ------------------------------------------------------------------------------------------


def test_a_failing_source_does_not_stop_the_others(personas):
    def broken(today, calendar):
        raise RuntimeError("boom")
        yield

    ComplaintFactory(enterprise=personas.enterprise_a, acceptance_deadline=TODAY)
    counts = services.send_reminders(TODAY, sources=[broken, sources.complaint_acceptance])
    assert counts == {"broken": -1, "complaint_acceptance": 1}


def test_the_task_runs_every_source(personas):
    ComplaintFactory(enterprise=personas.enterprise_a, acceptance_deadline=TODAY)
    counts = send_reminders(TODAY.isoformat())
    assert set(counts) == {source.__name__ for source in sources.SOURCES}
    assert counts["complaint_acceptance"] == 1
    assert all(count >= 0 for count in counts.values())


def test_reminders_are_written_in_the_sites_language(personas, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    ComplaintFactory(enterprise=personas.enterprise_a, acceptance_deadline=TODAY)
    send_reminders(TODAY.isoformat())
    assert Message.objects.get().title.startswith("投诉")
