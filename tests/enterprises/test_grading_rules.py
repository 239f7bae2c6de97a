"""The grade criteria of 人社部规〔2016〕1号 applied by enterprises.grading, one test per rule."""

import datetime as dt

import pytest

from enterprises import grading
from enterprises.choices import C_VIOLATION_THRESHOLD, CTrigger, Grade, GradeStatus
from enterprises.models import CreditGrade, Enterprise
from tests.factories import EnterpriseFactory, ViolationFactory


def propose(enterprise, year):
    grading.propose_grades(Enterprise.objects.filter(pk=enterprise.pk), year)
    return CreditGrade.objects.get(enterprise=enterprise, year=year, status=GradeStatus.PROPOSED)


@pytest.mark.django_db  # the period's length is a city setting (grading_period_years)
def test_the_evaluation_period_is_the_previous_calendar_year():
    assert grading.evaluation_period(2026) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_no_penalty_in_the_period_gives_a(db, year):
    grade = propose(EnterpriseFactory(), year)
    assert grade.grade == Grade.A
    assert grade.violation_count == 0
    assert grade.reasons == []


def test_one_penalty_gives_b(db, year):
    enterprise = EnterpriseFactory()
    violation = ViolationFactory(enterprise=enterprise, handling="penalty")
    grade = propose(enterprise, year)
    assert grade.grade == Grade.B
    assert grade.violation_count == 1
    assert grade.reasons[0]["ref"] == f"enterprises.violation:{violation.pk}"


def test_a_handling_decision_counts_like_a_penalty(db, year):
    enterprise = EnterpriseFactory()
    ViolationFactory(enterprise=enterprise, handling="handling_decision")
    assert propose(enterprise, year).grade == Grade.B


def test_two_decisions_are_still_b(db, year):
    enterprise = EnterpriseFactory()
    ViolationFactory.create_batch(C_VIOLATION_THRESHOLD - 1, enterprise=enterprise)
    assert propose(enterprise, year).grade == Grade.B


def test_three_decisions_give_c(db, year):
    enterprise = EnterpriseFactory()
    ViolationFactory.create_batch(C_VIOLATION_THRESHOLD, enterprise=enterprise)
    grade = propose(enterprise, year)
    assert grade.grade == Grade.C
    assert grade.violation_count == 3
    assert grade.reasons[0]["code"] == CTrigger.REPEATED


@pytest.mark.parametrize("trigger", [
    CTrigger.MASS_INCIDENT, CTrigger.CHILD_LABOUR, CTrigger.FORCED_LABOUR, CTrigger.REFUSED_ORDER,
    CTrigger.OBSTRUCTED, CTrigger.CRIMINAL,
])
def test_each_serious_circumstance_alone_gives_c(db, year, trigger):
    enterprise = EnterpriseFactory()
    ViolationFactory(enterprise=enterprise, c_trigger=trigger)
    grade = propose(enterprise, year)
    assert grade.grade == Grade.C
    assert [r["code"] for r in grade.reasons] == [trigger]


def test_obstruction_counts_even_without_a_penalty(db, year):
    enterprise = EnterpriseFactory()
    ViolationFactory(enterprise=enterprise, handling="rectification", c_trigger=CTrigger.OBSTRUCTED)
    assert propose(enterprise, year).grade == Grade.C


def test_a_rectification_order_alone_is_not_a_penalty(db, year):
    enterprise = EnterpriseFactory()
    ViolationFactory(enterprise=enterprise, handling="rectification")
    assert propose(enterprise, year).grade == Grade.A


def test_a_revoked_decision_does_not_count(db, year):
    enterprise = EnterpriseFactory()
    ViolationFactory(enterprise=enterprise, revoked_decision=True, serious=True)
    assert propose(enterprise, year).grade == Grade.A


def test_decisions_outside_the_period_do_not_count(db, year):
    enterprise = EnterpriseFactory()
    ViolationFactory(enterprise=enterprise, decided_on=dt.date(year - 2, 12, 31))
    ViolationFactory(enterprise=enterprise, decided_on=dt.date(year, 1, 1))
    assert propose(enterprise, year).grade == Grade.A


class FakeBlacklist:
    """What the blacklist app will plug in: a binding C trigger."""

    name = "test-blacklist"

    def __init__(self, listed):
        self.listed = set(listed)

    def findings(self, enterprises, start, end):
        ids = set(enterprises.values_list("pk", flat=True)) & self.listed
        return {pk: [grading.Finding(code=CTrigger.BLACKLISTED, label="listed", source=self.name, binding=True)]
                for pk in ids}


@pytest.fixture
def blacklist():
    provider = FakeBlacklist(set())
    grading.register_provider(provider)
    yield provider
    grading._PROVIDERS.pop(provider.name)


def test_a_registered_provider_makes_a_listed_enterprise_c(db, year, blacklist):
    listed, other = EnterpriseFactory(), EnterpriseFactory()
    blacklist.listed.add(listed.pk)
    assert propose(listed, year).grade == Grade.C
    assert propose(other, year).grade == Grade.A


def test_the_violation_provider_is_registered_by_the_app():
    assert "violations" in {p.name for p in grading.registered_providers()}


def test_decide_is_pure():
    handled = grading.Finding(code="handled", label="x", source="t", counted=True)
    assert grading.decide([]).grade == Grade.A
    assert grading.decide([handled]).grade == Grade.B
    assert grading.decide([handled] * 3).grade == Grade.C
