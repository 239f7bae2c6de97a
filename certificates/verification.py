"""Public verification of a certificate: the serial and the signed code give valid / expired / revoked and
nothing more. An unknown serial and a wrong code answer the same (None → 404), so the answer never tells
whether a serial exists; callers rate-limit every attempt, found or not (peers.md P18, P43)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from audit import events

from . import signing
from .models import Certificate


def path_for(certificate) -> str:
    """The verification URL path the QR code and the PDF carry."""
    return reverse("portal:verify-result", args=[certificate.serial]) + "?" + urlencode(
        {"code": signing.code_of(certificate.signature)})


def lookup(serial: str, code: str, *, credit_code: str = "") -> dict | None:
    """{"serial", "state", "issued_on", "valid_until"} or None. A credit code, when given, must match too
    (a bidding platform checks that the certificate belongs to the bidder)."""
    serial = (serial or "").strip().upper()[:24]
    certificate = Certificate.objects.filter(serial=serial).first()
    if certificate is None:
        return None
    if not signing.verify(certificate, code):
        events.record("certificate_verification_failed", success=False, obj=certificate,
                      district=certificate.district)
        return None
    if credit_code and credit_code.strip().upper() != certificate.credit_code:
        return None
    today = timezone.localdate()
    return {"serial": certificate.serial, "state": certificate.state(today),
            "state_label": certificate.state_label(today), "issued_on": certificate.issued_on,
            "valid_until": certificate.valid_until}
