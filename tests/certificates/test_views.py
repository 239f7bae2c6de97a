"""The certificate pages: apply and get the certificate at once, or a refusal that names each blocker."""

import pytest

from certificates.models import Certificate, CertificateApplication
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_enterprise_applies_and_gets_its_certificate(login, personas):
    client = login(personas.enterprise_a_user)
    assert "Apply for a certificate" in client.get("/certificates/").content.decode()
    response = client.post("/certificates/apply/", {"purpose": "bidding", "purpose_detail": "某标段"})
    certificate = Certificate.objects.get()
    assert response.status_code == 302 and response.url == f"/certificates/{certificate.pk}/"
    page = client.get(response.url).content.decode()
    assert certificate.serial in page and "/public/verify/" in page


def test_refusal_page_names_the_blockers(login, personas):
    case = CaseFactory(enterprise=personas.enterprise_a)
    client = login(personas.enterprise_a_user)
    response = client.post("/certificates/apply/", {"purpose": "bidding"})
    application = CertificateApplication.objects.get()
    assert response.url == f"/certificates/applications/{application.pk}/"
    page = client.get(response.url).content.decode()
    assert "Open wage-arrears case" in page and case.number in page
    assert login(personas.enterprise_b_user).get(response.url).status_code == 404


def test_staff_list_desk_application_and_export(login, personas):
    client = login(personas.chengguan_official)
    response = client.post("/certificates/apply/", {"credit_code": personas.enterprise_a.credit_code,
                                                    "purpose": "award"})
    assert response.status_code == 302
    assert personas.enterprise_a.name in client.get("/certificates/").content.decode()
    assert client.get("/certificates/?export=xlsx").status_code == 200
    refused = client.post("/certificates/apply/", {"credit_code": personas.enterprise_b.credit_code,
                                                   "purpose": "award"}, follow=True)
    assert "No enterprise with this credit code in your scope." in refused.content.decode()
    assert login(personas.qilihe_official).get("/certificates/").content.decode().count(
        personas.enterprise_a.name) == 0
