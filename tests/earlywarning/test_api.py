"""/api/v1/warnings/ and /api/v1/risk/: scoped like every viewset, in the OpenAPI schema."""

import pytest
from rest_framework.test import APIClient

from tests.earlywarning.factories import WarningFactory
from tests.factories import DepartmentGrantFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def warnings(personas):
    project = ProjectFactory(general_contractor=personas.enterprise_a)
    return {
        "a": WarningFactory(
            enterprise=personas.enterprise_a, shown_to_enterprise=True, project=project, level="orange"
        ),
        "a_internal": WarningFactory(enterprise=personas.enterprise_a, rule="W19", subject="complaint"),
        "b": WarningFactory(enterprise=personas.enterprise_b, shown_to_enterprise=True, level="yellow"),
    }


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_the_warning_list_is_scoped_for_every_role(personas, warnings):
    w = {k: v.pk for k, v in warnings.items()}
    assert ids(api(personas.city_admin).get("/api/v1/warnings/")) == set(w.values())
    assert ids(api(personas.chengguan_official).get("/api/v1/warnings/")) == {w["a"], w["a_internal"]}
    assert ids(api(personas.qilihe_inspector).get("/api/v1/warnings/")) == {w["b"]}
    assert ids(api(personas.enterprise_a_user).get("/api/v1/warnings/")) == {w["a"]}
    assert ids(api(personas.api_client_no_grant).get("/api/v1/warnings/")) == set()
    DepartmentGrantFactory(department=personas.api_client.department, resource="earlywarning.warning")
    assert ids(api(personas.api_client).get("/api/v1/warnings/")) == set(w.values())


def test_out_of_scope_is_404_and_writes_are_refused(personas, warnings):
    client = api(personas.qilihe_official)
    assert client.get(f"/api/v1/warnings/{warnings['a'].pk}/").status_code == 404
    body = client.get(f"/api/v1/warnings/{warnings['b'].pk}/").json()
    assert body["rule"] == "W21" and body["citation"]["basis"] and body["evidence"]["case_number"]
    assert client.delete(f"/api/v1/warnings/{warnings['b'].pk}/").status_code in (403, 405)
    assert APIClient().get("/api/v1/warnings/").status_code in (401, 403)


def test_filters(personas, warnings):
    client = api(personas.city_admin)
    assert ids(client.get("/api/v1/warnings/", {"level": "yellow"})) == {warnings["b"].pk}
    assert ids(client.get("/api/v1/warnings/", {"rule": "W19"})) == {warnings["a_internal"].pk}


def test_risk_colours_in_scope(personas, warnings):
    body = api(personas.chengguan_official).get("/api/v1/risk/").json()
    assert body["projects"] == [{"id": warnings["a"].project_id, "colour": "orange"}]
    assert body["enterprises"] == [{"id": personas.enterprise_a.pk, "colour": "red"}]  # W19 (red) on it
    city = api(personas.city_admin).get("/api/v1/risk/").json()
    assert {"id": personas.enterprise_b.pk, "colour": "yellow"} in city["enterprises"]
    assert api(personas.enterprise_a_user).get("/api/v1/risk/").status_code == 404


def test_the_schema_lists_both(personas):
    schema = api(personas.city_admin).get("/api/schema/", {"format": "json"}).json()
    assert "/api/v1/warnings/" in schema["paths"] and "/api/v1/risk/" in schema["paths"]
