"""The roster: scoping per role (out of district is 404), masked phones, the forms, recusals, export, API."""

import pytest

from audit.models import AuditEvent
from inspections.models import Inspector, Recusal

from .factories import InspectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roster(chengguan, qilihe):
    return InspectorFactory(district=chengguan, name="城关甲"), InspectorFactory(district=qilihe, name="七里河乙")


def test_district_users_see_their_district_and_outsiders_get_404(login, personas, roster):
    cg, qh = roster
    for persona in ("chengguan_official", "chengguan_inspector", "chengguan_grid"):
        client = login(getattr(personas, persona))
        page = client.get("/inspections/").content.decode()
        assert "城关甲" in page and "七里河乙" not in page, persona
        assert client.get(f"/inspections/{cg.pk}/").status_code == 200
        assert client.get(f"/inspections/{qh.pk}/").status_code == 404, persona
    city = login(personas.city_leader).get("/inspections/").content.decode()
    assert "城关甲" in city and "七里河乙" in city


def test_enterprises_do_not_read_the_roster(login, personas, roster):
    assert Inspector.objects.visible_to(personas.enterprise_a_user).count() == 0
    assert login(personas.enterprise_a_user).get(f"/inspections/{roster[0].pk}/").status_code == 403


def test_phone_is_masked_on_pages_export_and_api(login, personas, roster, api_client):
    client = login(personas.chengguan_official)
    detail = client.get(f"/inspections/{roster[0].pk}/").content.decode()
    assert "139****5678" in detail and "13912345678" not in detail
    edit = client.get(f"/inspections/{roster[0].pk}/edit/").content.decode()
    assert "13912345678" not in edit
    api_client.force_authenticate(personas.chengguan_official)
    rows = api_client.get("/api/v1/inspectors/").json()["results"]
    assert [r["phone"] for r in rows] == ["139****5678"]
    export = client.get("/inspections/?export=xlsx")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_official_adds_an_inspector_and_the_phone_is_kept_on_an_unchanged_edit(login, personas, chengguan):
    client = login(personas.chengguan_official)
    response = client.post(
        "/inspections/new/",
        {
            "name": "新监察员",
            "kind": "full_time",
            "district": chengguan.pk,
            "certificate_number": "甘执999",
            "certificate_expires_on": "2029-06-30",
            "grid_area": "",
            "new_phone": "13800001111",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    inspector = Inspector.objects.get(name="新监察员")
    assert inspector.phone == "13800001111"
    assert AuditEvent.objects.filter(event="inspector_saved", object_id=str(inspector.pk)).exists()
    client.post(
        f"/inspections/{inspector.pk}/edit/",
        {
            "name": "新监察员",
            "kind": "full_time",
            "district": chengguan.pk,
            "certificate_number": "甘执999",
            "certificate_expires_on": "2029-06-30",
            "grid_area": "",
            "new_phone": "",
            "active": "on",
        },
    )
    inspector.refresh_from_db()
    assert inspector.phone == "13800001111"


def test_a_full_time_inspector_needs_a_certificate(login, personas, chengguan):
    response = login(personas.chengguan_official).post(
        "/inspections/new/", {"name": "无证", "kind": "full_time", "district": chengguan.pk, "active": "on"}
    )
    assert response.status_code == 200
    assert not Inspector.objects.filter(name="无证").exists()


def test_an_official_cannot_place_an_inspector_in_another_district(login, personas, qilihe):
    login(personas.chengguan_official).post(
        "/inspections/new/",
        {
            "name": "越界",
            "kind": "full_time",
            "district": qilihe.pk,
            "certificate_number": "甘执1",
            "certificate_expires_on": "2029-06-30",
            "active": "on",
        },
    )
    assert not Inspector.objects.filter(name="越界").exists()


def test_inspectors_and_grid_assistants_only_read(login, personas, roster):
    for persona in ("chengguan_inspector", "chengguan_grid"):
        client = login(getattr(personas, persona))
        assert client.get("/inspections/new/").status_code == 403
        assert client.get(f"/inspections/{roster[0].pk}/edit/").status_code == 403  # the role may not edit


def test_recusal_is_recorded_for_an_enterprise_in_scope(login, personas, roster):
    client = login(personas.chengguan_official)
    a = personas.enterprise_a
    client.post(f"/inspections/{roster[0].pk}/recusals/", {"enterprise": a.credit_code, "reason": "配偶在该企业任职"})
    assert Recusal.objects.filter(inspector=roster[0], enterprise=a).exists()
    # Enterprise B is in Qilihe: outside the official's scope, not a choice.
    client.post(
        f"/inspections/{roster[0].pk}/recusals/",
        {"enterprise": personas.enterprise_b.credit_code, "reason": "曾在该企业任职"},
    )
    assert not Recusal.objects.filter(enterprise=personas.enterprise_b).exists()


def test_the_staff_pages_refuse_enterprise_users(login, personas):
    client = login(personas.enterprise_a_user)
    for url in ("/inspections/", "/inspections/staffing/", "/inspections/plans/", "/inspections/items/"):
        assert client.get(url).status_code == 403, url
