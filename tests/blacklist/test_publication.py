"""Quarterly publication of major violations (29号): gathered from closed cases of the published
categories, reviewed, published by a second person; the public page shows no personal data of workers."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from blacklist import services
from blacklist.choices import BatchStatus, PublicationCategory
from blacklist.models import PublishedViolation
from cases import services as case_services
from enterprises.models import TimelineEntry
from kernel.errors import IllegalTransition
from tests.factories import EnterpriseFactory

from .factories import closed_case

pytestmark = pytest.mark.django_db
D = dt.date
Q3 = D(2026, 8, 15)


def test_gather_takes_the_quarter_s_closed_cases_of_the_categories(personas, partner):
    user = personas.chengguan_inspector
    large = closed_case(user, partner, personas.enterprise_a, amount=Decimal("80000.00"))
    small_enterprise = EnterpriseFactory(district=personas.enterprise_a.district)
    closed_case(user, partner, small_enterprise, amount=Decimal("29999.99"), workers=3)  # below the amount
    batch = services.gather_batch(actor=personas.chengguan_official, day=Q3, district=large.district)
    assert batch.period == "2026Q3" and batch.period_start == D(2026, 7, 1) and batch.period_end == D(2026, 9, 30)
    item = batch.items.get()
    assert item.case == large and item.categories == [PublicationCategory.LARGE_ARREARS]
    assert item.credit_code == personas.enterprise_a.credit_code
    assert item.legal_representative == personas.enterprise_a.legal_representative
    with pytest.raises(IllegalTransition, match="exists already"):
        services.gather_batch(actor=personas.chengguan_official, day=Q3, district=large.district)


def test_a_transfer_to_the_police_is_published_whatever_the_amount(personas, partner):
    user = personas.chengguan_inspector
    case = closed_case(user, partner, personas.enterprise_a, amount=Decimal("60000.00"), workers=10, transfer=True)
    batch = services.gather_batch(actor=personas.city_admin, day=Q3)
    item = batch.items.get(case=case)
    assert PublicationCategory.JUDICIAL_TRANSFER in item.categories
    assert "public security" in item.handling


def test_district_staff_gather_only_their_district(personas):
    with pytest.raises(PermissionDenied):
        services.gather_batch(actor=personas.chengguan_official, day=Q3, district=None)
    with pytest.raises(PermissionDenied):
        services.gather_batch(actor=personas.chengguan_official, day=Q3, district=personas.enterprise_b.district)


def test_review_then_publish_by_a_second_person(personas, partner):
    user = personas.chengguan_inspector
    closed_case(user, partner, personas.enterprise_a)
    other = closed_case(user, partner, EnterpriseFactory(district=personas.enterprise_a.district))
    batch = services.gather_batch(actor=personas.chengguan_official, day=Q3, district=other.district)
    first, second = batch.items.order_by("pk")
    services.edit_item(first, actor=user, facts="拖欠10名劳动者工资8万元。", handling="责令支付并罚款。")
    services.exclude_item(second, actor=user, reason="行政复议中")
    with pytest.raises(PermissionDenied):
        services.publish_batch(batch, actor=user)  # an inspector has no approval right
    with pytest.raises(PermissionDenied, match="second person"):
        services.publish_batch(batch, actor=personas.chengguan_official)
    batch = services.publish_batch(batch, actor=personas.city_admin)
    assert batch.status == BatchStatus.PUBLISHED and batch.published_by == personas.city_admin
    assert list(PublishedViolation.objects.public()) == [first]
    assert TimelineEntry.objects.filter(enterprise=personas.enterprise_a, kind="blacklist").exists()
    with pytest.raises(IllegalTransition):
        services.edit_item(first, actor=user, facts="x", handling="y")
    services.withdraw_batch(batch, actor=personas.chengguan_official, reason="法院撤销处罚决定")
    assert not PublishedViolation.objects.public().exists()


def test_public_page_shows_the_29_content_and_no_worker_data(client, personas, partner):
    from cases.models import Complaint
    from tests.cases.factories import new_complaint

    user = personas.chengguan_inspector
    complaint = new_complaint(user, enterprise=personas.enterprise_a, complainant_name="王小二",
                              complainant_phone="13912345678", complainant_id_number="11010519491231002X",
                              workers_count=12, amount_owed=Decimal("80000.00"))
    complaint = case_services.decide_complaint(complaint, actor=user, decision="accepted", on=D(2026, 6, 1))
    case = complaint.case
    case_services.assign_inspector(case, actor=user, inspector=partner, on=D(2026, 6, 1))
    from cases.choices import ServiceMethod

    case_services.issue_order(case, actor=user, issued_on=D(2026, 6, 10), workdays=7, amount=Decimal("80000.00"),
                              workers=12, requirements="足额支付", served_on=D(2026, 6, 10),
                              service_method=ServiceMethod.IN_PERSON)
    case_services.record_recovery(case, actor=user, paid_on=D(2026, 6, 12), amount=Decimal("6000.00"),
                                  workers_paid=1, workers=[{"name": "赵六工", "id_number": "620102198503120013",
                                                            "amount": "6000.00"}])
    case_services.record_recovery(case, actor=user, paid_on=D(2026, 6, 12), amount=Decimal("74000.00"),
                                  workers_paid=11)
    case_services.close_case(case, actor=user, outcome="penalty", summary="工人王小二等已领取工资", on=D(2026, 8, 3))
    batch = services.gather_batch(actor=user, day=Q3, district=case.district)
    services.publish_batch(batch, actor=personas.chengguan_official)
    html = client.get("/public/violations/").content.decode()
    assert personas.enterprise_a.name in html and personas.enterprise_a.credit_code in html
    assert personas.enterprise_a.legal_representative in html
    for secret in ("王小二", "13912345678", "11010519491231002X", "赵六工", "620102198503120013", "5678", "002X"):
        assert secret not in html, secret
    assert Complaint.objects.filter(pk=complaint.pk).exists()
