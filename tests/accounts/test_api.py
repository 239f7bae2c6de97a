"""/api/v1/me/ and /api/v1/districts/ through URL routing, authentication and permissions."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db

ME = "/api/v1/me/"
DISTRICTS = "/api/v1/districts/"


@pytest.mark.parametrize("url", [ME, DISTRICTS, "/api/v1/districts/1/"])
def test_unauthenticated_requests_are_refused(api_client, url):
    response = api_client.get(url)
    assert response.status_code in (401, 403)
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("persona", "role", "district", "enterprise"),
    [
        ("city_admin", "city_admin", None, None),
        ("city_leader", "city_leader", None, None),
        ("chengguan_official", "district_official", "620102", None),
        ("qilihe_inspector", "inspector", "620103", None),
        ("chengguan_grid", "grid_assistant", "620102", None),
        ("enterprise_a_user", "enterprise", "620102", "甲建设有限公司"),
        ("api_client", "api_client", None, None),
    ],
)
def test_me_per_role(api_client, personas, persona, role, district, enterprise):
    user = getattr(personas, persona)
    api_client.force_authenticate(user)
    body = api_client.get(ME).json()
    assert body["username"] == user.username
    assert body["role"] == role
    assert (body["district"] or {}).get("code") == district
    assert (body["enterprise"] or {}).get("name") == enterprise
    if role == "api_client":
        assert body["department"]["code"] == "zhujian"


def test_me_masks_the_phone(api_client, personas):
    personas.chengguan_inspector.phone = "13912345678"
    personas.chengguan_inspector.save()
    api_client.force_authenticate(personas.chengguan_inspector)
    assert api_client.get(ME).json()["phone"] == "139****5678"


def test_department_client_authenticates_with_a_token(api_client, personas):
    token = Token.objects.create(user=personas.api_client)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api_client.get(DISTRICTS)
    assert response.status_code == 200
    assert response.json()["count"] == 9
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert api_client.get(DISTRICTS).status_code == 401


def test_district_list_is_scoped(api_client, personas):
    api_client.force_authenticate(personas.qilihe_official)
    body = api_client.get(DISTRICTS).json()
    assert body["count"] == 1
    assert body["results"][0]["name"] == "七里河区"
    assert body["results"][0]["kind"] == "district"


def test_out_of_scope_district_detail_is_404(api_client, personas, chengguan, qilihe):
    api_client.force_authenticate(personas.qilihe_official)
    assert api_client.get(f"{DISTRICTS}{qilihe.pk}/").status_code == 200
    assert api_client.get(f"{DISTRICTS}{chengguan.pk}/").status_code == 404


def test_client_without_grant_sees_no_district(api_client, personas):
    api_client.force_authenticate(personas.api_client_no_grant)
    response = api_client.get(DISTRICTS)
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_districts_are_read_only_over_the_api(api_client, personas):
    api_client.force_authenticate(personas.city_admin)
    assert api_client.post(DISTRICTS, {"code": "1", "name": "x"}).status_code == 405


def test_district_filter_by_kind(api_client, personas):
    api_client.force_authenticate(personas.city_leader)
    body = api_client.get(DISTRICTS, {"kind": "county"}).json()
    assert {d["name"] for d in body["results"]} == {"永登县", "皋兰县", "榆中县"}


def test_schema_generates_without_warnings(api_client, personas, capsys):
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    GENERATOR_STATS.reset()
    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert "/api/v1/me/" in schema["paths"]
    assert "/api/v1/districts/" in schema["paths"]
    assert not GENERATOR_STATS._warn_cache, GENERATOR_STATS._warn_cache
    assert not GENERATOR_STATS._error_cache, GENERATOR_STATS._error_cache


def test_schema_and_docs_are_served_locally(client, personas):
    client.force_login(personas.chengguan_inspector)
    assert client.get(reverse("api-schema")).status_code == 200
    docs = client.get(reverse("api-docs"))
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "cdn.jsdelivr.net" not in html and "/static/drf_spectacular_sidecar/" in html
