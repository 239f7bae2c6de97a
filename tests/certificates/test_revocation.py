"""Automatic revocation with the reason: a case filed against the enterprise (cases.hooks, called by
file_case) or a listing taking effect (blacklist.hooks, called by decide_listing); the public page then
shows "revoked"."""

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from cases import services as case_services
from certificates.choices import CertificateStatus
from certificates.models import Certificate
from enterprises.models import TimelineEntry
from tests.blacklist.factories import FILED_ON, notified_entry
from tests.blacklist.factories import LISTED_ON as LISTED
from tests.cases.factories import CaseFactory

from .factories import direct_certificate, issue

pytestmark = pytest.mark.django_db


def test_a_new_case_revokes_active_certificates(client, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    other = issue(personas.enterprise_b, personas.enterprise_b_user)
    case = case_services.file_case(actor=personas.chengguan_inspector, on=FILED_ON,
                                   district=personas.enterprise_a.district, enterprise=personas.enterprise_a,
                                   workers=3, amount=24000, months=2)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert case.number in certificate.revoked_reason and certificate.revocation_ref == f"cases.case:{case.pk}"
    assert certificate.revoked_by is None  # the platform acted
    assert AuditEvent.objects.filter(event="certificate_revoked", object_id=str(certificate.pk)).exists()
    assert TimelineEntry.objects.filter(enterprise=personas.enterprise_a, kind="certificate",
                                        title__contains="revoked").exists()
    from certificates import verification

    assert 'data-state="revoked"' in client.get(verification.path_for(certificate)).content.decode()
    other.refresh_from_db()
    assert other.status == CertificateStatus.VALID


def test_updating_an_existing_case_revokes_nothing(personas):
    case = CaseFactory(enterprise=personas.enterprise_a)
    certificate = direct_certificate(personas.enterprise_a, issued_on=timezone.localdate())
    case.closing_summary = "更新"
    case.save()
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


def test_a_listing_revokes_with_its_reason(personas, partner):
    entry = notified_entry(personas.chengguan_inspector, partner, personas.enterprise_a)
    certificate = direct_certificate(personas.enterprise_a, issued_on=timezone.localdate())
    from blacklist import services

    services.decide_listing(entry, actor=personas.chengguan_official, listed=True,
                            decision_number="兰人社惩〔2026〕7号", on=LISTED)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert "兰人社惩〔2026〕7号" in certificate.revoked_reason
    assert certificate.revocation_ref == f"blacklist.listingentry:{entry.pk}"


def test_manual_revocation_needs_staff_and_a_reason(login, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    assert login(personas.enterprise_a_user).post(f"/certificates/{certificate.pk}/revoke/",
                                                  {"reason": "x"}).status_code == 400
    assert login(personas.qilihe_official).post(f"/certificates/{certificate.pk}/revoke/",
                                                {"reason": "x"}).status_code == 404
    response = login(personas.chengguan_official).post(f"/certificates/{certificate.pk}/revoke/", {"reason": "核查"})
    assert response.status_code == 302
    assert Certificate.objects.get(pk=certificate.pk).status == CertificateStatus.REVOKED


def test_a_failed_filing_revokes_nothing(personas, monkeypatch):
    """The revocation runs in the filing's transaction: when the filing fails after it, both roll back."""
    from cases.services import acceptance

    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)

    def boom(*args, **kwargs):
        raise RuntimeError("after the revocation")

    monkeypatch.setattr(acceptance, "evaluate_flags", boom)
    with pytest.raises(RuntimeError):
        case_services.file_case(actor=personas.chengguan_inspector, on=FILED_ON,
                                district=personas.enterprise_a.district, enterprise=personas.enterprise_a,
                                workers=3, amount=24000, months=2)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID
