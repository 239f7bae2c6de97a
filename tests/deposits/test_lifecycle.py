"""The deposit's life: assessment and deadline, guarantee, exemption, draw, top-up, return (65号)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from audit.models import AuditEvent
from deposits import services, tasks
from deposits.choices import DepositForm, DepositStatus, EntryKind
from deposits.models import Approval
from enterprises.models import TimelineEntry
from kernel.errors import DomainError
from projects.permits import eligibility

from . import factories

pytestmark = pytest.mark.django_db
D = dt.date
PAYEES = [{"name": "张三", "amount": "30000.00"}, {"name": "李四", "amount": "20000.00"}]


@pytest.fixture
def official(personas):
    return personas.chengguan_official


@pytest.fixture
def project(personas):
    return factories.project(personas.enterprise_a)


def test_assessment_sets_a_20_working_day_deadline_across_the_spring_festival(project, official, today):
    deposit = factories.assessed(project, official, trigger_date=D(2026, 2, 10))
    # 11–13 Feb, the make-up Saturday 14 Feb, then 24–27 Feb, 28 Feb (make-up), and 2–16 March.
    assert deposit.due_on == D(2026, 3, 16)
    assert deposit.required_amount == Decimal("180000.00")  # 12 M × 3 % × (1 − 50 %): no arrears in the cases
    assert deposit.entries.get(kind=EntryKind.ASSESSED).noted_amount == deposit.required_amount
    assert AuditEvent.objects.filter(event="deposit_assessed", object_id=str(deposit.pk)).exists()
    assert TimelineEntry.objects.filter(enterprise=project.general_contractor, kind="deposit").exists()


def test_a_guarantee_makes_the_permit_eligible(project, official, today):
    assert not eligibility(project).as_dict()["requirements"][2]["met"]
    deposit = factories.guaranteed(project, official)
    assert deposit.status == DepositStatus.GUARANTEED
    # valid until 2027-12-31: the one month that ends on it runs from 2027-12-01 (民法典 Arts. 201–202)
    assert deposit.expiry_reminder_on == D(2027, 12, 1)
    wage_deposit = [r for r in eligibility(project).as_dict()["requirements"] if r["code"] == "wage_deposit"]
    assert wage_deposit[0]["met"] is True


@pytest.mark.parametrize(("override", "field"), [
    ({"amount": Decimal("100.00")}, "amount"),
    ({"valid_until": D(2027, 1, 1)}, "valid_until"),  # shorter than one year
    ({"valid_until": D(2027, 6, 10)}, "valid_until"),  # a year, but not to the planned completion
    ({"original_held": False}, "original_held"),
])
def test_a_guarantee_must_cover_the_amount_a_year_and_the_construction_period(project, official, today, override,
                                                                                field):
    with pytest.raises(DomainError) as caught:
        factories.guaranteed(project, official, **override)
    assert field in caught.value.fields


def test_cash_below_the_required_amount_is_not_yet_stored(project, official, today):
    deposit = factories.assessed(project, official)
    deposit = services.record_cash(deposit, actor=official, amount="1000.00", bank_name="兰州银行",
                                   account_number="1", key="k1")
    assert deposit.status == DepositStatus.REQUIRED
    deposit = services.record_cash(deposit, actor=official, amount=deposit.required_amount - Decimal("1000.00"),
                                   bank_name="兰州银行", account_number="1", key="k2")
    assert deposit.status == DepositStatus.STORED and deposit.balance == deposit.required_amount


def test_an_exemption_is_recorded_with_its_legal_basis(personas, official, today):
    small = factories.project(personas.enterprise_a, contract_amount=Decimal("2999999.99"))
    deposit = factories.assessed(small, official)
    assert deposit.adjustment == "exempt"
    deposit = services.record_exemption(deposit, actor=official)
    assert deposit.status == DepositStatus.EXEMPT and deposit.form == DepositForm.EXEMPTION
    assert "人社部发〔2021〕65号 第十一条" in deposit.exemption_basis
    assert eligibility(small).as_dict()["requirements"][2]["met"] is True


def test_other_district_and_enterprise_users_cannot_act(project, official, personas, today):
    deposit = factories.assessed(project, official)
    for outsider in (personas.qilihe_official, personas.enterprise_a_user, personas.chengguan_grid):
        with pytest.raises(PermissionDenied):
            services.record_cash(deposit, actor=outsider, amount="1.00", bank_name="x", account_number="1")


def test_a_draw_without_an_overdue_order_is_refused(project, official, personas, today):
    deposit = factories.stored(project, official)
    with pytest.raises(DomainError, match="No decision"):
        services.request_draw(deposit, actor=official, amount="50000.00", case_ref="NO-SUCH-CASE", payees=PAYEES,
                              reason="r")
    case = factories.overdue_case(project)
    case.orders.update(deadline=factories.TODAY)
    with pytest.raises(DomainError, match="has not passed"):
        services.request_draw(deposit, actor=official, amount="50000.00", case_ref=case.number, payees=PAYEES,
                              reason="r")
    other = factories.overdue_case(factories.project(personas.enterprise_a))
    with pytest.raises(DomainError, match="another project"):
        services.request_draw(deposit, actor=official, amount="50000.00", case_ref=other.number, payees=PAYEES,
                              reason="r")
    complied = factories.overdue_case(project, status="complied")
    with pytest.raises(DomainError, match="complied"):
        services.request_draw(deposit, actor=official, amount="50000.00", case_ref=complied.number, payees=PAYEES,
                              reason="r")
    assert not Approval.objects.exists()


def test_a_draw_names_its_case(project, official, today):
    deposit = factories.stored(project, official)
    with pytest.raises(DomainError, match="Name the case"):
        services.request_draw(deposit, actor=official, amount="1.00", case_ref="  ", payees=PAYEES, reason="r")


def test_draw_maker_cannot_approve_and_the_checker_pays_the_workers(project, official, personas, today):
    deposit = factories.stored(project, official)
    case = factories.overdue_case(project)
    approval = services.request_draw(deposit, actor=personas.chengguan_inspector, amount="50000.00",
                                     case_ref=case.number, payees=PAYEES, reason="逾期未支付")
    assert approval.case == case and approval.workers == 2
    with pytest.raises(PermissionDenied):
        services.approve(approval, actor=personas.chengguan_inspector)  # the maker, and no APPROVE action
    self_made = services.request_draw(deposit, actor=official, amount="1.00", case_ref=case.number,
                                      payees=[{"name": "王五", "amount": "1.00"}], reason="r")
    with pytest.raises(PermissionDenied):
        services.approve(self_made, actor=official)  # maker = checker
    with pytest.raises(PermissionDenied):
        services.approve(approval, actor=personas.qilihe_official)  # another district: not found
    services.approve(approval, actor=official, note="同意")
    approval.refresh_from_db()
    deposit.refresh_from_db()
    assert approval.status == "approved" and approval.bank_pay_by == D(2026, 6, 23)  # 19 June is a holiday
    assert deposit.status == DepositStatus.TOPUP_DUE and deposit.topup_due_on == D(2026, 6, 30)
    assert deposit.balance == deposit.required_amount - Decimal("50000.00")
    assert list(deposit.entries.order_by("seq").values_list("kind", flat=True))[-2:] == ["drawn", "topup_due"]
    assert eligibility(project).as_dict()["requirements"][2]["met"] is False
    deposit = services.record_topup(deposit, actor=official, amount="50000.00", received_on=D(2026, 6, 25))
    assert deposit.status == DepositStatus.STORED and deposit.balance == deposit.required_amount


def test_the_database_refuses_maker_equals_checker(project, official, today):
    from django.db import IntegrityError, transaction

    deposit = factories.stored(project, official)
    with pytest.raises(IntegrityError), transaction.atomic():
        Approval.objects.create(kind="draw", deposit=deposit, amount=1, reason="r", requested_by=official,
                                decided_by=official, idempotency_key="x")


def test_a_draw_larger_than_the_balance_or_the_unpaid_wages_is_refused(project, official, today):
    deposit = factories.stored(project, official)
    case = factories.overdue_case(project)
    with pytest.raises(DomainError, match="unpaid"):
        services.request_draw(deposit, actor=official, amount="100000.01", case_ref=case.number,
                              payees=[{"name": "张三", "amount": "100000.01"}], reason="r")
    with pytest.raises(DomainError, match="add up"):
        services.request_draw(deposit, actor=official, amount="50000.00", case_ref=case.number,
                              payees=[{"name": "张三", "amount": "1.00"}], reason="r")


def test_the_return_runs_notice_review_and_confirmation(project, official, personas, today):
    deposit = factories.stored(project, official)
    with pytest.raises(DomainError, match="not complete"):
        services.start_return(deposit, actor=official, commitment_on=D(2026, 5, 1), publicity_from=D(2026, 5, 2))
    type(project).objects.filter(pk=project.pk).update(status="completed")
    deposit = services.start_return(deposit, actor=official, commitment_on=D(2026, 5, 1),
                                    publicity_from=D(2026, 5, 2))
    assert deposit.publicity_until == D(2026, 6, 1)
    with pytest.raises(DomainError, match="public notice end"):
        services.apply_return(deposit, actor=official, applied_on=D(2026, 5, 20))
    deposit = services.apply_return(deposit, actor=official, applied_on=D(2026, 6, 12))
    assert deposit.review_due_on == D(2026, 6, 22)  # 15–18 June, then 22 June (19 June is Dragon Boat)
    approval = services.request_return(deposit, actor=personas.chengguan_inspector, reason="无拖欠")
    deposit.refresh_from_db()
    assert deposit.confirmation_due_on == D(2026, 6, 18)
    services.approve(approval, actor=official)
    deposit.refresh_from_db()
    assert deposit.status == DepositStatus.RETURNED and deposit.balance == Decimal("0.00")
    assert deposit.entries.order_by("seq").last().kind == EntryKind.RETURNED


def test_a_return_with_arrears_is_refused_in_writing(project, official, today):
    deposit = factories.stored(project, official)
    type(project).objects.filter(pk=project.pk).update(status="completed")
    services.start_return(deposit, actor=official, commitment_on=D(2026, 5, 1), publicity_from=D(2026, 5, 2))
    services.apply_return(deposit, actor=official, applied_on=D(2026, 6, 12))
    with pytest.raises(DomainError):
        services.refuse_return(deposit, actor=official, reason="  ")
    deposit = services.refuse_return(deposit, actor=official, reason="尚欠3名工人工资")
    assert deposit.status == DepositStatus.STORED and deposit.refusal_reason == "尚欠3名工人工资"


def test_expiry_reminders_are_stored_once(project, official, today):
    deposit = factories.guaranteed(project, official, valid_until=D(2027, 7, 10))
    assert tasks.remind_expiring_guarantees("2027-06-01") == {"reminded": 0}
    assert tasks.remind_expiring_guarantees("2027-06-12") == {"reminded": 1}
    assert tasks.remind_expiring_guarantees("2027-06-13") == {"reminded": 0}
    deposit.refresh_from_db()
    assert deposit.expiry_reminded_on == D(2027, 6, 12)
    assert AuditEvent.objects.filter(event="deposit_guarantee_expiring").count() == 1
    deposit = services.renew_guarantee(deposit, actor=official, number="BH-002", valid_until=D(2028, 7, 10))
    assert deposit.expiry_reminded_on is None and deposit.expiry_reminder_on == D(2028, 6, 10)


def test_the_half_yearly_clean_up_list(project, official, today):
    factories.stored(project, official)
    type(project).objects.filter(pk=project.pk).update(status="completed")
    assert tasks.list_cleanup("2026-07-01") == {"period": "2026-H2", "count": 1}
    tasks.list_cleanup("2026-07-02")
    event = AuditEvent.objects.get(event="deposit_cleanup_listed")
    assert event.data["deposits"] == [project.wage_deposit.pk]
