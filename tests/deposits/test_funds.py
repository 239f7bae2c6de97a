"""Emergency revolving funds: top-ups, advances approved by a second official, recoveries, the uses report."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from deposits import services
from deposits.models import AppendOnlyError, EmergencyFund, FundEntry
from kernel.errors import DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture
def fund(personas, today):
    fund = EmergencyFund.objects.get(district=personas.chengguan_official.district)
    services.top_up_fund(fund, actor=personas.chengguan_official, amount="500000.00", key="budget-2026")
    return fund


def test_funds_exist_for_the_city_and_every_district():
    from accounts.models import District

    assert EmergencyFund.objects.get(level="city").target_amount == Decimal("3000000.00")
    assert EmergencyFund.objects.filter(level="district").count() == District.objects.count()


def test_a_top_up_is_booked_once_per_key(fund, personas):
    services.top_up_fund(fund, actor=personas.chengguan_official, amount="500000.00", key="budget-2026")
    assert fund.balance == Decimal("500000.00") and fund.entries.count() == 1
    with pytest.raises(AppendOnlyError):
        FundEntry.objects.filter(fund=fund).delete()


def test_an_advance_needs_a_second_official_and_a_sufficient_balance(fund, personas):
    official, inspector = personas.chengguan_official, personas.chengguan_inspector
    with pytest.raises(DomainError, match="larger than the balance"):
        services.request_advance(fund, actor=official, amount="500000.01", workers=3, case_ref="C-1", reason="r")
    first = services.request_advance(fund, actor=official, amount="300000.00", workers=40, case_ref="C-1",
                                     reason="春节前讨薪")
    second = services.request_advance(fund, actor=official, amount="300000.00", workers=20, case_ref="C-2",
                                      reason="r")
    with pytest.raises(PermissionDenied):
        services.approve(first, actor=official)  # the maker
    with pytest.raises(PermissionDenied):
        services.approve(first, actor=inspector)  # inspectors do not approve
    other = personas.chengguan_official.__class__.objects.create(username="chengguan_head", role="district_official",
                                                                 district=personas.chengguan_official.district)
    services.approve(first, actor=other)
    with pytest.raises(DomainError, match="larger than the balance"):
        services.approve(second, actor=other)  # the first advance left 200,000
    second.refresh_from_db()
    assert second.status == "pending"
    assert fund.balance == Decimal("200000.00")
    services.record_recovery(fund, actor=official, amount="300000.00", case_ref="C-1")
    assert fund.balance == Decimal("500000.00")
    uses = services.uses_since(EmergencyFund.objects.filter(pk=fund.pk), dt.date(2017, 1, 1))
    assert (uses["uses"], uses["amount"], uses["workers"]) == (1, Decimal("300000.00"), 40)


def test_the_city_fund_is_the_citys(personas, today):
    city = EmergencyFund.objects.get(level="city")
    with pytest.raises(PermissionDenied):
        services.top_up_fund(city, actor=personas.chengguan_official, amount="1.00")
    services.top_up_fund(city, actor=personas.city_admin, amount="3000000.00")
    assert city.balance == Decimal("3000000.00")
    assert not EmergencyFund.objects.visible_to(personas.chengguan_official).filter(pk=city.pk).exists()
