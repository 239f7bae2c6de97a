"""Verification (peers.md P43, P18): the signature rejects a changed field and a made-up code; an unknown
serial is a clear "verification failed" 404 and throttled like any attempt; the answer is valid / expired /
revoked with the holder it was issued to (so a firm cannot present another's serial), and nothing more."""

import datetime as dt

import pytest

from certificates import services, signing, verification
from certificates.models import Certificate

from .factories import direct_certificate, issue

pytestmark = pytest.mark.django_db
API = "/api/v1/certificates/verify"


def code(certificate):
    return signing.code_of(certificate.signature)


def test_a_valid_certificate_names_its_holder_and_nothing_more(client, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    response = client.get(verification.path_for(certificate))
    html = response.content.decode()
    assert response.status_code == 200 and 'data-state="valid"' in html and certificate.serial in html
    for detail in (personas.enterprise_a.name, personas.enterprise_a.credit_code, certificate.purpose_detail,
                   "Bidding", certificate.issued_on.isoformat(), certificate.valid_until.isoformat()):
        assert detail in html, detail
    assert personas.enterprise_a.legal_representative not in html


def test_the_holder_is_the_name_on_the_certificate_not_a_later_rename(client, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    type(personas.enterprise_a).objects.filter(pk=personas.enterprise_a.pk).update(name="改名后有限公司")
    html = client.get(verification.path_for(certificate)).content.decode()
    assert "甲建设有限公司" in html and "改名后有限公司" not in html


def test_a_failed_verification_is_a_clear_public_page(client, personas, settings):
    settings.DEBUG = True  # never Django's debug 404, whatever the setting
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    for url in (f"/public/verify/{certificate.serial}/?code={'A' * signing.CODE_LENGTH}",
                f"/public/verify/WQX20260101999999/?code={code(certificate)}"):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 404 and 'data-state="failed"' in html, url
        assert "Verification failed" in html and 'name="serial"' in html
        assert personas.enterprise_a.name not in html and "Page not found" not in html


@pytest.mark.parametrize("field", ["enterprise_name", "credit_code", "valid_until", "issued_on", "purpose"])
def test_a_changed_field_fails_the_signature(client, personas, field):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    path = verification.path_for(certificate)
    changes = {"enterprise_name": "另一家公司", "credit_code": personas.enterprise_b.credit_code,
               "valid_until": certificate.valid_until + dt.timedelta(days=365),
               "issued_on": certificate.issued_on - dt.timedelta(days=1), "purpose": "award"}
    Certificate.objects.filter(pk=certificate.pk).update(**{field: changes[field]})
    assert client.get(path).status_code == 404
    certificate.refresh_from_db()
    assert not signing.verify(certificate, code(certificate))


def test_a_made_up_code_or_serial_is_404_alike(client, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    wrong = "A" * signing.CODE_LENGTH
    assert client.get(f"/public/verify/{certificate.serial}/?code={wrong}").status_code == 404
    assert client.get(f"/public/verify/WQX20260101999999/?code={code(certificate)}").status_code == 404
    assert client.get(f"/public/verify/{certificate.serial}/").status_code == 404


def test_the_code_reads_with_dashes_and_lower_case(client, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    typed = signing.grouped(code(certificate)).lower()
    response = client.get(f"/public/verify/?serial={certificate.serial.lower()}&code={typed}", follow=True)
    assert 'data-state="valid"' in response.content.decode()


def test_expired_and_revoked_states(client, personas):
    expired = direct_certificate(personas.enterprise_a, issued_on=dt.date(2026, 1, 5))
    assert 'data-state="expired"' in client.get(verification.path_for(expired)).content.decode()
    fresh = issue(personas.enterprise_a, personas.enterprise_a_user)
    services.revoke(fresh, actor=personas.chengguan_official, reason="工程款纠纷")
    html = client.get(verification.path_for(fresh)).content.decode()
    assert 'data-state="revoked"' in html and "工程款纠纷" not in html


def test_unknown_serials_are_throttled_on_the_page(client, personas, monkeypatch):
    from portal import views

    monkeypatch.setattr(views, "VERIFY_LIMIT", (3, 900))
    for n in range(3):
        assert client.get(f"/public/verify/WQX2026010100000{n}/?code=X").status_code == 404
    response = client.get("/public/verify/WQX20260101000009/?code=X")
    assert response.status_code == 429 and response["Retry-After"]


def test_api_verify_is_anonymous_and_checks_the_credit_code(api_client, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    params = {"serial": certificate.serial, "code": code(certificate)}
    body = api_client.get(API, params).json()
    assert body == {"verified": True, "serial": certificate.serial, "state": "valid", "state_label": "Valid",
                    "enterprise_name": personas.enterprise_a.name, "credit_code": personas.enterprise_a.credit_code,
                    "purpose": "bidding", "purpose_label": "Bidding", "purpose_detail": certificate.purpose_detail,
                    "issued_on": certificate.issued_on.isoformat(), "valid_until": certificate.valid_until.isoformat()}
    assert api_client.get(API, {**params, "credit_code": personas.enterprise_a.credit_code}).status_code == 200
    for wrong in ({**params, "credit_code": personas.enterprise_b.credit_code}, {**params, "code": "0" * 20},
                  {"serial": "WQX20260101999999", "code": code(certificate)}):
        response = api_client.get(API, wrong)
        assert response.status_code == 404
        assert response.json() == {"verified": False, "detail": str(verification.FAILED_MESSAGE)}


def test_api_verify_throttles_404s_too(api_client, personas, monkeypatch):
    from certificates.api.views import VerifyThrottle

    monkeypatch.setattr(VerifyThrottle, "rate", "3/min")
    for _n in range(3):
        assert api_client.get(API, {"serial": "WQX20260101000001", "code": "X"}).status_code == 404
    response = api_client.get(API, {"serial": "WQX20260101000001", "code": "X"})
    assert response.status_code == 429 and "Retry-After" in response


def test_the_key_can_be_dedicated(settings, personas):
    certificate = issue(personas.enterprise_a, personas.enterprise_a_user)
    assert signing.verify(certificate, code(certificate))
    settings.CERTIFICATE_SIGNING_KEY = "another-key"
    assert not signing.verify(certificate, code(certificate))
