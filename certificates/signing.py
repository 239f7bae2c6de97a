"""The certificate's signature: HMAC-SHA256 over its fields with a server key, so a changed field or a
made-up serial fails verification (peers.md P43). The QR and the printed verification code carry the
first CODE_LENGTH characters; the full MAC is stored and re-checked on every verification.

The key is settings.CERTIFICATE_SIGNING_KEY when set, else derived from SECRET_KEY (a fixed label keeps it
separate from Django's own signing uses). Rotating either invalidates the codes of earlier certificates."""

import hashlib
import hmac

from django.conf import settings

CODE_LENGTH = 20  # 80 bits, grouped for reading aloud
KEY_LABEL = b"wagewatch.certificates.signing.v1"


def signing_key() -> bytes:
    dedicated = getattr(settings, "CERTIFICATE_SIGNING_KEY", "") or ""
    secret = dedicated or settings.SECRET_KEY
    return hmac.new(secret.encode(), KEY_LABEL, hashlib.sha256).digest()


def payload(*, serial, credit_code, enterprise_name, purpose, issued_on, valid_until) -> bytes:
    fields = [serial, credit_code, enterprise_name, purpose, issued_on.isoformat(), valid_until.isoformat()]
    return "\x1f".join(str(f) for f in fields).encode()


def certificate_payload(certificate) -> bytes:
    return payload(serial=certificate.serial, credit_code=certificate.credit_code,
                   enterprise_name=certificate.enterprise_name, purpose=certificate.purpose,
                   issued_on=certificate.issued_on, valid_until=certificate.valid_until)


def sign(certificate) -> str:
    return hmac.new(signing_key(), certificate_payload(certificate), hashlib.sha256).hexdigest().upper()


def code_of(signature: str) -> str:
    return signature[:CODE_LENGTH]


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:CODE_LENGTH * 2]


def verify(certificate, code: str) -> bool:
    """The stored fields still give the stored MAC, and the code presented is its prefix."""
    expected = sign(certificate)
    return hmac.compare_digest(expected, certificate.signature or "") and hmac.compare_digest(
        code_of(expected), normalise_code(code))


def grouped(code: str) -> str:
    """ABCD-EFGH-... for printing."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))
