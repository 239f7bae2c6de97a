"""Compliance ratios against the targets, permit eligibility, and the pay-date rule (Decree 724 Art. 14)."""

import datetime as dt
from decimal import Decimal

import pytest

from projects import compliance, permits, rules
from projects.choices import ComplianceMetric
from projects.models import ComplianceTarget, Project

from .factories import EmploymentFactory, ProjectFactory, WageAccountFactory

pytestmark = pytest.mark.django_db


def _staff(project, n, **kwargs):
    return [EmploymentFactory(project=project, **kwargs) for _ in range(n)]


def test_ratios_and_targets():
    project = ProjectFactory()
    _staff(project, 19, compliant=True)
    # One worker: card issued two months after entry, held by the foreman, not activated, contract late.
    EmploymentFactory(project=project, card_issued_on=dt.date(2026, 4, 2), card_held_by_worker=False,
                      card_activated=False, contract_signed_on=dt.date(2026, 2, 3))
    result = compliance.for_project(project)
    by_metric = {r.metric: r for r in result.ratios}
    assert result.total == 20
    assert by_metric[ComplianceMetric.CARD_ISSUED].ratio == Decimal("0.9500")
    assert by_metric[ComplianceMetric.CARD_ISSUED].ok  # 95 % meets a ≥ 95 % target
    assert by_metric[ComplianceMetric.CARD_ACTIVATED].ok
    assert not by_metric[ComplianceMetric.CARD_HELD].ok  # 100 % required
    assert not by_metric[ComplianceMetric.CONTRACT_BEFORE_ENTRY].ok
    assert by_metric[ComplianceMetric.CARD_HELD].missing == 1
    assert {r.metric for r in result.problems} == {ComplianceMetric.CARD_HELD, ComplianceMetric.CONTRACT_BEFORE_ENTRY}


def test_card_issued_exactly_one_month_after_entry_counts():
    project = ProjectFactory()
    EmploymentFactory(project=project, entered_on=dt.date(2026, 1, 31), card_issued_on=dt.date(2026, 2, 28))
    EmploymentFactory(project=project, entered_on=dt.date(2026, 3, 10), card_issued_on=dt.date(2026, 4, 11))
    ratio = {r.metric: r for r in compliance.for_project(project).ratios}[ComplianceMetric.CARD_ISSUED]
    assert (ratio.count, ratio.total) == (1, 2)


def test_a_city_target_with_an_effective_date_overrides_the_default():
    ComplianceTarget.objects.create(metric=ComplianceMetric.CARD_ACTIVATED, minimum=Decimal("0.9800"),
                                    effective_from=dt.date(2026, 7, 1))
    assert rules.targets_on(dt.date(2026, 6, 30))[ComplianceMetric.CARD_ACTIVATED] == Decimal("0.95")
    assert rules.targets_on(dt.date(2026, 7, 1))[ComplianceMetric.CARD_ACTIVATED] == Decimal("0.98")


def test_bulk_compliance_and_the_problem_filter_agree():
    good, bad, empty = ProjectFactory(), ProjectFactory(), ProjectFactory()
    _staff(good, 3, compliant=True)
    _staff(bad, 2, compliant=True)
    EmploymentFactory(project=bad)  # no card at all
    for project in (good, bad, empty):
        WageAccountFactory(project=project)
    results = compliance.for_projects([good.pk, bad.pk, empty.pk])
    assert results[good.pk].ok and results[empty.pk].ok and not results[bad.pk].ok
    assert set(Project.objects.with_compliance_problems(today=dt.date(2026, 3, 1))) == {bad}


def test_no_account_after_thirty_days_is_a_problem():
    project = ProjectFactory(contract_signed_on=dt.date(2026, 1, 1))
    assert project.account_deadline == dt.date(2026, 1, 1) + dt.timedelta(days=rules.ACCOUNT_OPENING_DAYS)
    assert not Project.objects.with_compliance_problems(today=dt.date(2026, 1, 31)).exists()
    assert Project.objects.with_compliance_problems(today=dt.date(2026, 2, 1)).get() == project


def test_permit_eligibility_lists_what_is_missing(no_deposit_app):
    project = ProjectFactory(funds_confirmed_on=None)
    result = permits.eligibility(project)
    assert not result.eligible
    assert [r.code for r in result.missing] == ["funds", "wage_account", "wage_deposit"]
    project.funds_confirmed_on = dt.date(2026, 1, 10)
    project.save()
    WageAccountFactory(project=project)
    result = permits.eligibility(project)
    assert [r.code for r in result.missing] == ["wage_deposit"]  # the deposits app is not connected yet
    assert "not connected" in result.as_dict()["requirements"][2]["note"]


def test_the_deposits_app_can_answer_the_deposit_requirement(no_deposit_app):
    project = ProjectFactory(funds_confirmed_on=dt.date(2026, 1, 10))
    WageAccountFactory(project=project)
    assert not permits.eligibility(project).eligible
    permits.register_requirement("wage_deposit", lambda projects: {p.pk: True for p in projects})
    assert permits.eligibility(project).eligible


@pytest.mark.parametrize(("pay_day", "next_month", "month", "due"), [
    # September payroll due on 5 October 2026 (National Day holiday 1–7 Oct): paid on Wednesday 30 September.
    (5, True, dt.date(2026, 9, 1), dt.date(2026, 9, 30)),
    # 10 October 2026 is a make-up working Saturday: it stays.
    (10, True, dt.date(2026, 9, 1), dt.date(2026, 10, 10)),
    # 1 October itself also moves back to 30 September.
    (1, True, dt.date(2026, 9, 1), dt.date(2026, 9, 30)),
    # A plain Sunday (11 October 2026) moves to Saturday 10 October, a make-up working day.
    (11, True, dt.date(2026, 9, 1), dt.date(2026, 10, 10)),
    # Pay day 31 in a 30-day month is the month's last day; 30 Sept 2026 is a working day.
    (31, False, dt.date(2026, 9, 1), dt.date(2026, 9, 30)),
])
def test_pay_date_moves_to_the_previous_working_day(pay_day, next_month, month, due):
    project = ProjectFactory(pay_day=pay_day, pay_in_next_month=next_month)
    assert project.pay_due_date(month) == due
