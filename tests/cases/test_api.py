"""/api/v1/complaints/ (departments submit under a writing grant) and /api/v1/cases/ with statistics."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import DepartmentGrant
from cases.models import Complaint

from .factories import CaseFactory, ComplaintFactory, ordered_case

pytestmark = pytest.mark.django_db
BODY = {"kind": "complaint", "complainant_name": "周八", "complainant_phone": "13500005678",
        "employer_name": "乙建设有限公司", "workers_count": 4, "amount_owed": "16000.00", "description": "欠薪"}


@pytest.fixture
def dept(personas, api_client):
    api_client.force_authenticate(personas.api_client)
    return personas.api_client.department


def test_a_department_with_a_writing_grant_submits_a_complaint(dept, api_client, personas):
    DepartmentGrant.objects.create(department=dept, resource="cases.complaint", can_write=True)
    response = api_client.post("/api/v1/complaints/", BODY, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["complainant_phone"] == "135****5678" and body["channel"] == "department"
    complaint = Complaint.objects.get()
    assert complaint.enterprise == personas.enterprise_b and complaint.district == personas.enterprise_b.district
    assert complaint.department == dept


def test_without_can_write_the_department_cannot_submit(dept, api_client):
    DepartmentGrant.objects.create(department=dept, resource="cases.complaint", can_write=False)
    assert api_client.post("/api/v1/complaints/", BODY, format="json").status_code in (403, 404)
    assert not Complaint.objects.exists()


def test_a_grant_limited_to_one_district_cannot_submit_for_another(dept, api_client, chengguan):
    grant = DepartmentGrant.objects.create(department=dept, resource="cases.complaint", can_write=True)
    grant.districts.add(chengguan)
    response = api_client.post("/api/v1/complaints/", BODY, format="json")  # the employer is in Qilihe
    assert response.status_code == 403 and not Complaint.objects.exists()


def test_an_anonymous_complaint_is_a_400_with_the_rule(dept, api_client):
    DepartmentGrant.objects.create(department=dept, resource="cases.complaint", can_write=True)
    response = api_client.post("/api/v1/complaints/", {**BODY, "anonymous": True}, format="json")
    assert response.status_code == 400 and "must be named" in response.json()["detail"]


def test_statistics_by_state_and_district(personas, api_client):
    CaseFactory(enterprise=personas.enterprise_a, recovered_amount=Decimal("1000"), recovered_workers=2)
    CaseFactory(enterprise=personas.enterprise_a, closed=True, recovered_amount=Decimal("500"), recovered_workers=1)
    CaseFactory(enterprise=personas.enterprise_b, number="620103-2026-0001")
    api_client.force_authenticate(personas.city_leader)
    stats = api_client.get("/api/v1/cases/statistics/").json()
    assert stats["totals"]["cases"] == 3 and stats["totals"]["closed"] == 1
    assert Decimal(str(stats["totals"]["recovered_amount"])) == Decimal("1500")
    assert stats["by_status"] == {"investigating": 2, "closed": 1}
    assert {d["district__code"]: d["cases"] for d in stats["by_district"]} == {"620102": 2, "620103": 1}
    api_client.force_authenticate(personas.qilihe_official)
    assert api_client.get("/api/v1/cases/statistics/").json()["totals"]["cases"] == 1


def test_an_illegal_transition_through_the_api_is_409(personas, partner, api_client):
    case = ordered_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    api_client.force_authenticate(personas.chengguan_inspector)
    response = api_client.post(f"/api/v1/cases/{case.pk}/close/", {"outcome": "rectified", "summary": "x"},
                               format="json")
    assert response.status_code == 409 and "cannot become" in response.json()["detail"]
    response = api_client.post(f"/api/v1/cases/{case.pk}/mark-overdue/")
    assert response.status_code == 200 and response.json()["status"] == "overdue"  # the June order ran out
    response = api_client.post(f"/api/v1/cases/{case.pk}/mark-overdue/")
    assert response.status_code == 409 and "not possible while" in response.json()["detail"]
    api_client.force_authenticate(personas.city_leader)  # read-only role
    assert api_client.post(f"/api/v1/cases/{case.pk}/mark-overdue/").status_code == 403


@pytest.mark.parametrize("endpoint", ["/api/v1/cases/", "/api/v1/complaints/"])
def test_list_query_count_is_fixed_whatever_the_page_size(endpoint, personas, api_client):
    for _ in range(12):
        CaseFactory(enterprise=personas.enterprise_a)
        ComplaintFactory(enterprise=personas.enterprise_a)
    api_client.force_authenticate(personas.chengguan_official)
    counts = []
    for size in (2, 12):
        with CaptureQueriesContext(connection) as ctx:
            response = api_client.get(endpoint, {"page_size": size})
        assert len(response.json()["results"]) == size
        counts.append(len(ctx))
    assert counts[0] == counts[1]


def test_filters_on_the_api(personas, api_client):
    CaseFactory(enterprise=personas.enterprise_a, filed_on=dt.date(2026, 3, 1))
    CaseFactory(enterprise=personas.enterprise_a, closed=True)
    api_client.force_authenticate(personas.chengguan_official)
    assert api_client.get("/api/v1/cases/", {"open": "true"}).json()["count"] == 1
    assert api_client.get("/api/v1/cases/", {"filed_to": "2026-04-01"}).json()["count"] == 1
    # Both cases' investigation deadlines (25 Aug 2026) lie before today: the open one is overdue.
    assert api_client.get("/api/v1/cases/", {"overdue": "true"}).json()["count"] == 1
