"""/api/v1/enterprises/ and /api/v1/credit-grades/: status codes and bodies per role."""

import pytest
from django.urls import reverse

from enterprises import grading
from enterprises.models import Enterprise
from tests.factories import ContactFactory, CreditGradeFactory, DepartmentGrantFactory, EnterpriseFactory

LIST = reverse("enterprises-api:enterprise-list")


def detail(pk):
    return reverse("enterprises-api:enterprise-detail", args=[pk])


def by_code(code):
    return reverse("enterprises-api:enterprise-by-credit-code", args=[code])


def names(response):
    return sorted(row["name"] for row in response.json()["results"])


@pytest.mark.parametrize(("persona", "expected"), [
    ("city_admin", ["乙建设有限公司", "甲建设有限公司"]),
    ("city_leader", ["乙建设有限公司", "甲建设有限公司"]),
    ("chengguan_official", ["甲建设有限公司"]),
    ("qilihe_inspector", ["乙建设有限公司"]),
    ("chengguan_grid", ["甲建设有限公司"]),
    ("enterprise_a_user", ["甲建设有限公司"]),
    ("api_client", ["乙建设有限公司", "甲建设有限公司"]),
])
def test_the_list_is_scoped(personas, api_client, persona, expected):
    api_client.force_authenticate(getattr(personas, persona))
    response = api_client.get(LIST)
    assert response.status_code == 200
    assert names(response) == expected


def test_a_client_without_grant_gets_an_empty_list(personas, api_client):
    api_client.force_authenticate(personas.api_client_no_grant)
    response = api_client.get(LIST)
    assert response.status_code == 200 and response.json()["count"] == 0


def test_anonymous_gets_401_or_403(db, api_client):
    assert api_client.get(LIST).status_code in (401, 403)


def test_detail_in_scope_200_out_of_scope_404(personas, api_client):
    api_client.force_authenticate(personas.chengguan_inspector)
    ContactFactory(enterprise=personas.enterprise_a, phone="13812345678")
    response = api_client.get(detail(personas.enterprise_a.pk))
    assert response.status_code == 200
    body = response.json()
    assert body["credit_code"] == personas.enterprise_a.credit_code
    assert body["district_detail"]["code"] == "620102"
    assert body["contacts"] == [{"id": body["contacts"][0]["id"], "name": "李四", "position": "劳资专管员",
                                 "phone": "138****5678"}]
    assert api_client.get(detail(personas.enterprise_b.pk)).status_code == 404


def test_search_and_filters(personas, api_client):
    EnterpriseFactory(name="兰州黄河路桥有限公司", district=personas.enterprise_b.district, grade="C")
    api_client.force_authenticate(personas.city_admin)
    assert names(api_client.get(LIST, {"q": "黄河"})) == ["兰州黄河路桥有限公司"]
    assert names(api_client.get(LIST, {"q": personas.enterprise_a.credit_code[-6:].lower()})) == ["甲建设有限公司"]
    assert names(api_client.get(LIST, {"grade": "C"})) == ["兰州黄河路桥有限公司"]
    assert api_client.get(LIST, {"district": personas.enterprise_b.district_id}).json()["count"] == 2
    assert api_client.get(LIST, {"grade": "Z"}).status_code == 400


def test_a_department_looks_an_enterprise_up_by_credit_code(personas, api_client):
    api_client.force_authenticate(personas.api_client)
    response = api_client.get(by_code(personas.enterprise_b.credit_code.lower()))
    assert response.status_code == 200
    assert response.json()["name"] == "乙建设有限公司"
    assert api_client.get(by_code("91110000600037341L")).status_code == 404


def test_lookup_by_code_is_scoped(personas, api_client):
    api_client.force_authenticate(personas.chengguan_official)
    assert api_client.get(by_code(personas.enterprise_a.credit_code)).status_code == 200
    assert api_client.get(by_code(personas.enterprise_b.credit_code)).status_code == 404
    api_client.force_authenticate(personas.api_client_no_grant)
    assert api_client.get(by_code(personas.enterprise_a.credit_code)).status_code == 404


def test_a_department_limited_to_one_district(personas, api_client):
    grant = personas.api_client.department.grants.get(resource="enterprises.enterprise")
    grant.districts.set([personas.enterprise_b.district])
    api_client.force_authenticate(personas.api_client)
    assert names(api_client.get(LIST)) == ["乙建设有限公司"]
    assert api_client.get(by_code(personas.enterprise_a.credit_code)).status_code == 404


def test_the_api_is_read_only(personas, api_client):
    api_client.force_authenticate(personas.city_admin)
    assert api_client.post(LIST, {"name": "x"}).status_code == 405
    assert api_client.patch(detail(personas.enterprise_a.pk), {"grade": "A"}).status_code == 405


def test_grade_history_of_an_enterprise(personas, api_client, year):
    grade = grading.propose_grade(personas.enterprise_a, year, actor=personas.city_admin)
    grading.confirm_grade(grade, actor=personas.city_admin)
    CreditGradeFactory(enterprise=personas.enterprise_a, year=year + 1)  # an open proposal
    url = reverse("enterprises-api:enterprise-grades", args=[personas.enterprise_a.pk])
    api_client.force_authenticate(personas.chengguan_official)
    body = api_client.get(url).json()
    assert [(g["year"], g["status"]) for g in body] == [(year + 1, "proposed"), (year, "confirmed")]
    assert body[1]["decided_by"] == str(personas.city_admin)
    api_client.force_authenticate(personas.enterprise_a_user)
    assert [g["status"] for g in api_client.get(url).json()] == ["confirmed"]
    api_client.force_authenticate(personas.qilihe_official)
    assert api_client.get(url).status_code == 404


def test_credit_grade_list_is_scoped_and_needs_its_own_grant(personas, api_client):
    CreditGradeFactory(enterprise=personas.enterprise_a, confirmed=True)
    CreditGradeFactory(enterprise=personas.enterprise_b, confirmed=True)
    url = reverse("enterprises-api:creditgrade-list")
    api_client.force_authenticate(personas.qilihe_official)
    assert [g["enterprise_name"] for g in api_client.get(url).json()["results"]] == ["乙建设有限公司"]
    api_client.force_authenticate(personas.api_client)
    assert api_client.get(url).json()["count"] == 0
    DepartmentGrantFactory(department=personas.api_client.department, resource="enterprises.creditgrade")
    assert api_client.get(url).json()["count"] == 2


def test_the_list_runs_a_fixed_number_of_queries(personas, api_client, django_assert_num_queries):
    api_client.force_authenticate(personas.city_admin)
    EnterpriseFactory.create_batch(30, district=personas.enterprise_b.district)
    # count + page (districts joined); force_authenticate reads no session
    with django_assert_num_queries(2):
        response = api_client.get(LIST, {"page_size": 5})
    assert len(response.json()["results"]) == 5
    with django_assert_num_queries(2):
        response = api_client.get(LIST, {"page_size": 30})
    assert len(response.json()["results"]) == 30
    assert Enterprise.objects.count() == 32
