"""Scoping: every role in and out of scope on pages and the API; out of scope answers 404."""

import pytest
from django.urls import reverse

from accounts.models import DepartmentGrant
from tests.factories import EnterpriseFactory

from .factories import CaseFactory, ComplaintFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(personas):
    return {
        "cg_case": CaseFactory(enterprise=personas.enterprise_a),
        "qlh_case": CaseFactory(enterprise=personas.enterprise_b, number="620103-2026-0001"),
        "cg_complaint": ComplaintFactory(enterprise=personas.enterprise_a),
        "qlh_complaint": ComplaintFactory(enterprise=personas.enterprise_b),
    }


def test_an_inspector_of_chengguan_gets_404_on_a_qilihe_case(personas, rows, login):
    client = login(personas.chengguan_inspector)
    assert client.get(reverse("cases:detail", args=[rows["qlh_case"].pk])).status_code == 404
    assert client.get(reverse("cases:detail", args=[rows["cg_case"].pk])).status_code == 200
    assert client.get(reverse("cases:complaint-detail", args=[rows["qlh_complaint"].pk])).status_code == 404
    assert client.post(reverse("cases:act", args=[rows["qlh_case"].pk, "withdraw"]),
                       {"reason": "x"}).status_code == 404


# role → (sees Chengguan rows, sees Qilihe rows)
ROLES = {
    "city_admin": (True, True),
    "city_leader": (True, True),
    "chengguan_official": (True, False),
    "qilihe_official": (False, True),
    "chengguan_inspector": (True, False),
    "qilihe_inspector": (False, True),
    "chengguan_grid": (True, False),
    "enterprise_a_user": (False, False),  # employers never see complaints or cases (Decree 423 Art. 9)
    "enterprise_b_user": (False, False),
}


@pytest.mark.parametrize(("role", "expected"), ROLES.items())
def test_every_role_in_and_out_of_scope_on_pages(role, expected, personas, rows, login):
    client = login(getattr(personas, role))
    for prefix, sees in zip(("cg", "qlh"), expected, strict=True):
        case_status = client.get(reverse("cases:detail", args=[rows[f"{prefix}_case"].pk])).status_code
        complaint_status = client.get(reverse("cases:complaint-detail",
                                              args=[rows[f"{prefix}_complaint"].pk])).status_code
        # out of scope is 404; a role that may not view cases and complaints at all (employers) is refused
        # with 403, the same for every id, as on the API
        refused = 403 if role.startswith("enterprise") else 404
        assert (case_status, complaint_status) == ((200, 200) if sees else (refused, refused)), prefix
    listing = client.get(reverse("cases:list")).content.decode()
    assert (rows["cg_case"].number in listing) is expected[0]
    assert (rows["qlh_case"].number in listing) is expected[1]


@pytest.mark.parametrize(("role", "expected"), ROLES.items())
def test_every_role_in_and_out_of_scope_on_the_api(role, expected, personas, rows, api_client):
    api_client.force_authenticate(getattr(personas, role))
    numbers = {c["number"] for c in api_client.get("/api/v1/cases/").json().get("results", [])}
    assert (rows["cg_case"].number in numbers) is expected[0]
    assert (rows["qlh_case"].number in numbers) is expected[1]
    response = api_client.get(f"/api/v1/complaints/{rows['qlh_complaint'].pk}/")
    assert response.status_code == (200 if expected[1] else (403 if role.startswith("enterprise") else 404))


def test_department_clients_read_only_what_they_are_granted(personas, rows, api_client, qilihe):
    client = personas.api_client
    api_client.force_authenticate(client)
    assert api_client.get("/api/v1/cases/").json()["results"] == []  # no grant on cases yet
    grant = DepartmentGrant.objects.create(department=client.department, resource="cases.case")
    grant.districts.add(qilihe)
    numbers = [c["number"] for c in api_client.get("/api/v1/cases/").json()["results"]]
    assert numbers == [rows["qlh_case"].number]
    assert api_client.get(f"/api/v1/cases/{rows['cg_case'].pk}/").status_code == 404


def test_choices_in_forms_are_scoped(personas, rows, login):
    other = EnterpriseFactory(name="七里河某公司", district=personas.enterprise_b.district)
    page = login(personas.chengguan_official).get(reverse("cases:incident-create")).content.decode()
    assert personas.enterprise_a.name in page and other.name not in page
