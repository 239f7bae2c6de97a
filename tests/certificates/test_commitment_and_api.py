"""Commitment mode (Lanzhou since 2020-11-20): the enterprise signs a no-arrears commitment letter; the
bureau exports the enterprises restricted from bidding; bidding platforms look an enterprise up by its
credit code over the API."""

import datetime as dt

import pytest

from certificates import services
from certificates.choices import Mode
from certificates.models import CertificatePolicy, CommitmentLetter
from kernel.errors import DomainError
from tests.cases.factories import CaseFactory
from tests.factories import DepartmentGrantFactory

from .factories import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment_mode(db):
    return CertificatePolicy.objects.create(effective_from=dt.date(2026, 11, 1), mode=Mode.COMMITMENT,
                                            commitment_days=180)


def test_signing_a_commitment_letter(login, personas, commitment_mode):
    client = login(personas.enterprise_a_user)
    page = client.get("/certificates/").content.decode()
    assert services.COMMITMENT_TEXT in page
    response = client.post("/certificates/commitments/sign/", {"purpose": "bidding", "purpose_detail": "某标段",
                                                               "signatory": "张三", "confirm": "on"})
    assert response.status_code == 302
    letter = CommitmentLetter.objects.get()
    assert letter.enterprise == personas.enterprise_a and letter.signatory == "张三"
    assert letter.valid_until == letter.signed_on + dt.timedelta(days=180)  # the signing day not counted
    pdf = client.get(f"/certificates/commitments/{letter.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_blocked_enterprise_cannot_sign(login, personas, commitment_mode):
    CaseFactory(enterprise=personas.enterprise_a)
    response = login(personas.enterprise_a_user).post("/certificates/commitments/sign/", {
        "purpose": "bidding", "signatory": "张三", "confirm": "on"})
    assert response.status_code == 400 and "Open wage-arrears case" in response.content.decode()
    assert not CommitmentLetter.objects.exists()


def test_certificate_mode_refuses_commitments(personas):
    with pytest.raises(DomainError, match="apply for a no-arrears certificate"):
        services.sign_commitment(personas.enterprise_a, actor=personas.enterprise_a_user, purpose="bidding")


def test_restricted_bidders_export(login, personas):
    case = CaseFactory(enterprise=personas.enterprise_a)
    client = login(personas.city_leader)
    page = client.get("/certificates/restricted-bidders/").content.decode()
    assert personas.enterprise_a.name in page and case.number in page
    assert personas.enterprise_b.name not in page
    export = client.get("/certificates/restricted-bidders/?export=xlsx")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert login(personas.qilihe_official).get("/certificates/restricted-bidders/").content.decode().count(
        personas.enterprise_a.name) == 0
    assert login(personas.enterprise_a_user).get("/certificates/restricted-bidders/").status_code == 403


def test_lookup_by_credit_code_for_bidding_platforms(api_client, personas):
    certificate = issue(personas.enterprise_b, personas.enterprise_b_user)
    CaseFactory(enterprise=personas.enterprise_a)
    DepartmentGrantFactory(department=personas.api_client.department, resource="certificates.certificate")
    DepartmentGrantFactory(department=personas.api_client.department, resource="certificates.commitmentletter")
    api_client.force_authenticate(personas.api_client)
    clean = api_client.get(f"/api/v1/certificates/by-credit-code/{personas.enterprise_b.credit_code}/").json()
    assert clean["restricted"] is False and [c["serial"] for c in clean["certificates"]] == [certificate.serial]
    blocked = api_client.get(f"/api/v1/certificates/by-credit-code/{personas.enterprise_a.credit_code}/").json()
    assert blocked["restricted"] is True and blocked["blockers"][0]["code"] == "open_case"
    assert api_client.get("/api/v1/certificates/by-credit-code/91620102MA00000000/").status_code == 404
    restricted = api_client.get("/api/v1/certificates/restricted-bidders/").json()
    assert [r["credit_code"] for r in restricted] == [personas.enterprise_a.credit_code]
    api_client.force_authenticate(None)
    assert api_client.get(f"/api/v1/certificates/by-credit-code/{personas.enterprise_b.credit_code}/"
                          ).status_code in (401, 403)


def test_certificate_list_api_is_scoped(api_client, personas):
    issue(personas.enterprise_a, personas.enterprise_a_user)
    mine = issue(personas.enterprise_b, personas.enterprise_b_user)
    api_client.force_authenticate(personas.enterprise_b_user)
    assert [c["serial"] for c in api_client.get("/api/v1/certificates/").json()["results"]] == [mine.serial]
