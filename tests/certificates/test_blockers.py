"""The instant check: each blocker on its own names itself in the refusal; a clean enterprise gets its
certificate at once; the policy chooses the checks; an open red early warning blocks."""

import datetime as dt
from decimal import Decimal

import pytest

from blacklist import services as blacklist_services
from cases.models import Case
from certificates import blockers, services
from certificates.choices import BlockerCode, Mode, Outcome, Purpose
from certificates.models import Certificate, CertificateApplication, CertificatePolicy
from kernel.errors import DomainError
from tests.blacklist.factories import closed_case, listed_entry
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)


def codes(application):
    return [b["code"] for b in application.blockers]


def apply(enterprise, user):
    return services.apply(enterprise, actor=user, purpose=Purpose.BIDDING, on=TODAY)


def test_a_clean_enterprise_gets_a_certificate_at_once(personas):
    application = apply(personas.enterprise_a, personas.enterprise_a_user)
    assert application.outcome == Outcome.ISSUED and application.blockers == []
    certificate = Certificate.objects.get(application=application)
    # 90 days from the day after issue (民法典 Art. 201: the day of issue is not counted)
    assert certificate.valid_until == TODAY + dt.timedelta(days=90)
    assert certificate.serial.startswith("WQX20261126") and len(certificate.signature) == 64


def test_open_case_blocks(personas):
    case = CaseFactory(enterprise=personas.enterprise_a)
    application = apply(personas.enterprise_a, personas.enterprise_a_user)
    assert application.outcome == Outcome.REFUSED and codes(application) == [BlockerCode.OPEN_CASE]
    assert case.number in application.blockers[0]["detail"]
    assert not Certificate.objects.exists()


def test_unpaid_order_blocks_after_the_case_closed(personas, partner):
    case = closed_case(personas.chengguan_inspector, partner, personas.enterprise_a, amount=Decimal("20000.00"))
    application = apply(personas.enterprise_a, personas.enterprise_a_user)
    assert codes(application) == [BlockerCode.UNPAID_ORDER]
    assert "¥20,000.00" in application.blockers[0]["detail"] and case.number in application.blockers[0]["detail"]


def test_listing_blocks(personas, partner):
    entry = listed_entry(personas.chengguan_inspector, partner, personas.chengguan_official, personas.enterprise_a)
    case = entry.case
    from cases import services as case_services

    case.refresh_from_db()
    case_services.record_recovery(case, actor=personas.chengguan_inspector, paid_on=dt.date(2026, 7, 20),
                                  amount=case.amount_unpaid, workers_paid=case.workers_owed)
    case.refresh_from_db()
    case_services.close_case(case, actor=personas.chengguan_inspector, outcome="rectified", summary="已支付",
                             on=dt.date(2026, 7, 21))
    application = apply(personas.enterprise_a, personas.enterprise_a_user)
    assert codes(application) == [BlockerCode.LISTED]
    assert entry.decision_number in application.blockers[0]["detail"]


def test_a_published_major_violation_blocks_for_the_configured_months(personas, partner):
    case = closed_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    Case.objects.filter(pk=case.pk).update(recovered_amount=case.amount_owed)  # paid: only the publication remains
    batch = blacklist_services.gather_batch(actor=personas.chengguan_official, day=dt.date(2026, 8, 15),
                                            district=case.district)
    blacklist_services.publish_batch(batch, actor=personas.city_admin)
    application = apply(personas.enterprise_a, personas.enterprise_a_user)
    assert codes(application) == [BlockerCode.PUBLICATION]
    assert "2026Q3" in application.blockers[0]["detail"]
    later = TODAY.replace(year=2027, month=12)
    assert services.check(personas.enterprise_a, on=later).passed  # older than 12 months


def test_every_blocker_is_named_in_the_refusal(personas, partner):
    CaseFactory(enterprise=personas.enterprise_a)
    closed_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    result = services.check(personas.enterprise_a, on=TODAY)
    assert {b.code for b in result.blockers} == {BlockerCode.OPEN_CASE, BlockerCode.UNPAID_ORDER}
    assert "Open wage-arrears case" in result.refusal() and "Unpaid order to pay" in result.refusal()


def test_the_policy_chooses_the_checks(personas):
    CaseFactory(enterprise=personas.enterprise_a)
    CertificatePolicy.objects.create(effective_from=dt.date(2026, 11, 1), validity_days=30,
                                     blockers=[BlockerCode.LISTED, BlockerCode.UNPAID_ORDER])
    application = apply(personas.enterprise_a, personas.enterprise_a_user)
    assert application.outcome == Outcome.ISSUED
    assert application.certificate.valid_until == TODAY + dt.timedelta(days=30)


def test_an_open_red_warning_blocks_and_a_yellow_or_cleared_one_does_not(personas):
    from tests.earlywarning.factories import WarningFactory

    assert BlockerCode.RED_WARNING in blockers.connected()
    WarningFactory(enterprise=personas.enterprise_a, level="yellow")
    WarningFactory(enterprise=personas.enterprise_a, level="red", status="cleared", cleared_how="condition")
    assert apply(personas.enterprise_a, personas.enterprise_a_user).outcome == Outcome.ISSUED
    red = WarningFactory(enterprise=personas.enterprise_a, level="red", rule="W21")
    application = apply(personas.enterprise_a, personas.enterprise_a_user)
    assert codes(application) == [BlockerCode.RED_WARNING]
    assert application.blockers[0]["ref"] == f"earlywarning.warning:{red.pk}"
    assert "W21" in application.blockers[0]["detail"]


def test_a_red_warning_on_a_project_blocks_its_general_contractor(personas):
    from tests.earlywarning.factories import WarningFactory
    from tests.projects.factories import ProjectFactory

    project = ProjectFactory(general_contractor=personas.enterprise_b, district=personas.enterprise_b.district)
    WarningFactory(enterprise=None, project=project, district=project.district, level="red", rule="W09",
                   subject="project", subject_id=project.pk)
    application = apply(personas.enterprise_b, personas.enterprise_b_user)
    assert codes(application) == [BlockerCode.RED_WARNING]


def test_enterprise_users_apply_only_for_their_own(personas):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        apply(personas.enterprise_b, personas.enterprise_a_user)
    with pytest.raises(PermissionDenied):
        apply(personas.enterprise_b, personas.chengguan_official)  # another district
    assert apply(personas.enterprise_a, personas.chengguan_official).outcome == Outcome.ISSUED  # desk, own district
    assert not CertificateApplication.objects.filter(enterprise=personas.enterprise_b).exists()


def test_commitment_mode_refuses_certificates(personas):
    CertificatePolicy.objects.create(effective_from=dt.date(2026, 11, 1), mode=Mode.COMMITMENT)
    with pytest.raises(DomainError, match="commitment letter"):
        apply(personas.enterprise_a, personas.enterprise_a_user)
