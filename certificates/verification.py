"""Public verification of a certificate: the serial and the signed code give valid / expired / revoked and the
holder it was issued to (name, credit code, purpose, validity), so that a firm cannot present another's valid
serial; nothing else (no legal representative, no revocation reason). An unknown serial and a wrong code
answer the same (None → 404), so the answer never tells
whether a serial exists; callers rate-limit every attempt, found or not (peers.md P18, P43)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import events
from audit.kinds import AuditKind

from . import signing
from .models import Certificate

FAILED_MESSAGE = _("Verification failed: no certificate matches this serial number and verification code.")


def path_for(certificate) -> str:
    """The verification URL path the QR code and the PDF carry."""
    return reverse("portal:verify-result", args=[certificate.serial]) + "?" + urlencode(
        {"code": signing.code_of(certificate.signature)})


def lookup(serial: str, code: str, *, credit_code: str = "") -> dict | None:
    """{"serial", "state", "state_label", "enterprise_name", "credit_code", "purpose", "purpose_label",
    "purpose_detail", "issued_on", "valid_until"} or None. A credit code, when given, must match too
    (a bidding platform checks that the certificate belongs to the bidder)."""
    serial = (serial or "").strip().upper()[:24]
    certificate = Certificate.objects.filter(serial=serial).first()
    if certificate is None:
        return None
    if not signing.verify(certificate, code):
        events.record(AuditKind.CERTIFICATE_VERIFICATION_FAILED, success=False, obj=certificate,
                      district=certificate.district)
        return None
    if credit_code and credit_code.strip().upper() != certificate.credit_code:
        return None
    today = timezone.localdate()
    return {"serial": certificate.serial, "state": certificate.state(today),
            "state_label": certificate.state_label(today), "enterprise_name": certificate.enterprise_name,
            "credit_code": certificate.credit_code, "purpose": certificate.purpose,
            "purpose_label": certificate.get_purpose_display(), "purpose_detail": certificate.purpose_detail,
            "issued_on": certificate.issued_on, "valid_until": certificate.valid_until}
