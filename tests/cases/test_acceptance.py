"""若干规定 Art. 18 (domain.md §6.2): each acceptance rule and the decision that follows from it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from audit.models import AuditEvent
from cases import services
from cases.models import Case, CaseEvent
from kernel.errors import DomainError, IllegalTransition

from .factories import new_complaint

D = dt.date
pytestmark = pytest.mark.django_db
ON = D(2026, 6, 1)


@pytest.fixture
def me(personas):
    return personas.chengguan_inspector


@pytest.fixture
def complaint(personas):
    return new_complaint(None, enterprise=personas.enterprise_a)


def decide(complaint, me, decision, **kwargs):
    return services.decide_complaint(complaint, actor=me, decision=decision, on=ON, **kwargs)


def test_a_complaint_meeting_all_three_conditions_is_accepted_and_the_case_filed_that_day(complaint, me):
    complaint = decide(complaint, me, "accepted")
    assert complaint.status == "accepted" and complaint.case.filed_on == ON
    assert complaint.case.number in complaint.decision_reason
    assert AuditEvent.objects.filter(event="complainant_notified", object_id=str(complaint.pk)).exists()


def test_a_violation_older_than_two_years_is_not_accepted_with_written_reasons(personas, me):
    old = new_complaint(None, enterprise=personas.enterprise_a, owed_from=D(2023, 1, 1), owed_to=D(2024, 5, 28))
    with pytest.raises(DomainError, match="more than 2 years"):  # rules.LIMITATION_YEARS
        decide(old, me, "accepted")
    with pytest.raises(DomainError, match="Give the reason"):
        decide(old, me, "not_accepted", ground="time_barred")
    old = decide(old, me, "not_accepted", ground="time_barred", reason="欠薪发生于两年前，依法不予受理。")
    assert old.status == "not_accepted" and old.case is None and old.refusal_ground == "time_barred"


def test_time_barred_is_refused_as_a_ground_when_the_violation_is_recent(complaint, me):
    with pytest.raises(DomainError, match="not time-barred"):
        decide(complaint, me, "not_accepted", ground="time_barred", reason="x")


def test_no_identifiable_employer_asks_for_a_supplement(personas, me):
    vague = new_complaint(None, employer_name="一个姓王的包工头", chosen_district=personas.enterprise_a.district)
    with pytest.raises(DomainError, match="supplement"):
        decide(vague, me, "accepted", employer_identified=False)
    vague = decide(vague, me, "supplement", ground="no_employer", reason="请补充用人单位名称或工地地址。",
                   employer_identified=False)
    assert vague.status == "supplement"
    vague = services.record_supplement(vague, actor=me, note="补充：用人单位为某某劳务公司")
    assert vague.status == "received" and vague.acceptance_deadline > vague.received_on


def test_outside_labour_inspection_is_not_accepted(complaint, me):
    with pytest.raises(DomainError, match="not within labour inspection"):
        decide(complaint, me, "accepted", within_inspection=False)
    complaint = decide(complaint, me, "not_accepted", ground="not_labour_inspection", reason="属于合同纠纷")
    assert complaint.status == "not_accepted"


def test_another_jurisdiction_is_referred_with_the_department_named(complaint, me):
    with pytest.raises(DomainError, match="another department"):
        decide(complaint, me, "accepted", in_jurisdiction=False)
    with pytest.raises(DomainError, match="Name the department"):
        decide(complaint, me, "referred", ground="other_jurisdiction", reason="请向用工所在地反映")
    complaint = decide(complaint, me, "referred", ground="other_jurisdiction", reason="请向用工所在地反映",
                       referred_to="白银市人社局劳动保障监察支队")
    assert complaint.status == "referred" and complaint.referred_to


def test_arbitration_matters_are_directed_to_arbitration(complaint, me):
    with pytest.raises(DomainError, match="arbitration"):
        decide(complaint, me, "accepted", arbitration_matter=True)
    complaint = decide(complaint, me, "arbitration", ground="arbitration", reason="请申请劳动争议仲裁")
    assert complaint.status == "arbitration"


def test_a_ground_must_fit_the_decision(complaint, me):
    with pytest.raises(DomainError, match="does not fit"):
        decide(complaint, me, "referred", ground="time_barred", reason="x", referred_to="y")


def test_a_decided_complaint_cannot_be_decided_again(complaint, me):
    decide(complaint, me, "accepted")
    with pytest.raises(IllegalTransition, match="decided already"):
        decide(complaint, me, "not_accepted", ground="not_labour_inspection", reason="x")


def test_a_late_decision_is_recorded_as_late(complaint, me):
    services.decide_complaint(complaint, actor=me, decision="accepted", on=D(2026, 6, 8))
    assert AuditEvent.objects.get(event="complaint_decided").data["late"] is True


def test_only_the_districts_caseworkers_decide(complaint, personas):
    for user in (personas.qilihe_inspector, personas.chengguan_grid, personas.city_leader,
                 personas.enterprise_a_user):
        with pytest.raises(PermissionDenied):
            decide(complaint, user, "accepted")


# One employer, one open case: the group panel's "合并为一案办理" holds whatever order complaints are decided in.

def _accept(complaint, actor):
    return services.decide_complaint(complaint, actor=actor, decision="accepted", on=dt.date(2026, 6, 1))


def test_accepting_a_listed_duplicate_before_its_lead_still_gives_one_case(personas):
    me = personas.chengguan_inspector
    lead = new_complaint(None, enterprise=personas.enterprise_a, workers_count=3, amount_owed=Decimal("24000"))
    duplicate = new_complaint(None, enterprise=personas.enterprise_a, workers_count=2, amount_owed=Decimal("12000"),
                              now=timezone.make_aware(dt.datetime(2026, 5, 30, 9)))
    assert duplicate.group_lead == lead
    first = _accept(duplicate, me).case
    second = _accept(lead, me).case
    assert first == second
    case = Case.objects.get(pk=first.pk)
    assert (case.workers_owed, case.amount_owed) == (5, Decimal("36000.00"))
    assert Case.objects.filter(enterprise=personas.enterprise_a).open().count() == 1
    joined = CaseEvent.objects.get(case=case, kind="complaint_joined")
    assert lead.tracking_number in joined.title
    assert AuditEvent.objects.filter(event="case_complaint_joined", object_id=str(case.pk)).exists()
    lead.refresh_from_db()
    assert case.number in lead.decision_reason and "joined" in lead.decision_reason


def test_a_later_complaint_against_an_employer_with_an_open_case_joins_it(personas):
    me = personas.chengguan_inspector
    case = _accept(new_complaint(None, enterprise=personas.enterprise_a), me).case
    later = new_complaint(None, enterprise=personas.enterprise_a, now=timezone.make_aware(dt.datetime(2026, 9, 1, 9)))
    assert later.group_lead is None  # outside the grouping window, same employer
    assert _accept(later, me).case == case
    assert Case.objects.filter(enterprise=personas.enterprise_a).count() == 1


def test_after_the_case_is_closed_a_new_complaint_opens_a_new_case(personas):
    me = personas.chengguan_inspector
    case = _accept(new_complaint(None, enterprise=personas.enterprise_a), me).case
    Case.objects.filter(pk=case.pk).update(status="closed")
    other = _accept(new_complaint(None, enterprise=personas.enterprise_a), me).case
    assert other != case and other.status == "filed"
