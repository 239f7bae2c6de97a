"""Scoping of every role in and out of scope (404 outside), no full ID number in pages or API bodies, and
unmasking: a POST with a reason for the district's inspectors and officials, audited."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from projects.models import Project, Worker

from .factories import EmploymentFactory, PayrollLineFactory, WorkerFactory, id_number

pytestmark = pytest.mark.django_db
FULL = id_number(42)


@pytest.fixture
def staffed(site):
    worker = WorkerFactory(name="张工", id_number=FULL, phone="13912345678")
    employment = EmploymentFactory(project=site.a, worker=worker, compliant=True)
    PayrollLineFactory(batch__project=site.a, employment=employment)
    return worker


# (persona, sees project A, sees project B)
VISIBILITY = [
    ("city_admin", True, True), ("city_leader", True, True),
    ("chengguan_official", True, False), ("chengguan_inspector", True, False), ("chengguan_grid", True, False),
    ("qilihe_official", False, True), ("qilihe_inspector", False, True),
    ("enterprise_a_user", True, False),  # general contractor of A
    ("enterprise_b_user", True, True),  # client of A, general contractor of B
]


@pytest.mark.parametrize(("persona", "sees_a", "sees_b"), VISIBILITY)
def test_each_role_sees_its_projects_and_gets_404_outside(persona, sees_a, sees_b, personas, site, login):
    client = login(getattr(personas, persona))
    assert set(Project.objects.visible_to(getattr(personas, persona))) == {p for p, seen in ((site.a, sees_a),
                                                                                          (site.b, sees_b)) if seen}
    for project, seen in ((site.a, sees_a), (site.b, sees_b)):
        assert client.get(reverse("projects:detail", args=[project.pk])).status_code == (200 if seen else 404)
    listing = client.get(reverse("projects:list")).content.decode()
    assert ("甲工程" in listing) is sees_a and ("乙工程" in listing) is sees_b


def test_a_subcontractor_sees_the_project(personas, site):
    from tests.factories import UserFactory

    sub_user = UserFactory(role="enterprise", enterprise=site.sub, district=site.sub.district)
    assert list(Project.objects.visible_to(sub_user)) == [site.a]


@pytest.mark.parametrize("persona", ["qilihe_official", "qilihe_inspector", "enterprise_a_user"])
def test_api_out_of_scope_detail_is_404(persona, personas, site, api_client):
    api_client.force_authenticate(getattr(personas, persona))
    outside = site.a if persona.startswith("qilihe") else site.b
    for suffix in ("", "permit-eligibility/", "compliance/"):
        assert api_client.get(f"/api/v1/projects/{outside.pk}/{suffix}").status_code == 404
    assert api_client.post(f"/api/v1/projects/{outside.pk}/roster/", {"rows": [{"name": "x"}]},
                           format="json").status_code == 404


def test_a_department_needs_a_grant_for_projects(personas, site, api_client):
    from tests.factories import DepartmentGrantFactory

    api_client.force_authenticate(personas.api_client)
    assert api_client.get("/api/v1/projects/").json()["count"] == 0
    DepartmentGrantFactory(department=personas.api_client.department, resource="projects.project")
    assert api_client.get("/api/v1/projects/").json()["count"] == 2
    assert api_client.get(f"/api/v1/projects/{site.a.pk}/permit-eligibility/").json()["eligible"] is False


def test_enterprise_cannot_register_or_edit_registry_facts(personas, site, login):
    client = login(personas.enterprise_a_user)
    assert client.get(reverse("projects:create")).status_code == 403
    assert client.get(reverse("projects:update", args=[site.a.pk])).status_code == 403
    assert client.get(reverse("projects:import", args=[site.a.pk])).status_code == 200
    assert client.get(reverse("projects:import", args=[site.b.pk])).status_code == 404
    assert client.get(reverse("projects:workers")).status_code == 403


@pytest.mark.parametrize("persona", ["city_admin", "chengguan_official", "chengguan_inspector", "chengguan_grid",
                                     "enterprise_a_user", "enterprise_b_user"])
def test_no_full_id_number_in_any_page_or_api_response(persona, personas, site, staffed, login, api_client):
    user = getattr(personas, persona)
    client = login(user)
    pages = [reverse("projects:detail", args=[site.a.pk]) + f"?tab={tab}"
             for tab in ("overview", "parties", "account", "workers", "payroll", "compliance")]
    pages += [reverse("projects:worker-detail", args=[staffed.pk]), reverse("projects:list"),
              reverse("projects:payroll-month", args=[site.a.payroll_batches.get().pk])]
    if persona not in ("enterprise_a_user", "enterprise_b_user"):
        pages += [reverse("projects:workers"), reverse("projects:workers") + f"?q={FULL}",
                  reverse("projects:workers") + "?export=xlsx"]
    api_client.force_authenticate(user)
    apis = ["/api/v1/projects/", f"/api/v1/projects/{site.a.pk}/", "/api/v1/workers/", "/api/v1/payroll-months/"]
    seen_masked = False
    for url in pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert FULL.encode() not in body and b"13912345678" not in body and b"6222021234567890123" not in body, url
        seen_masked |= (FULL[:4] + "**********" + FULL[-4:]).encode() in body
    for url in apis:
        response = api_client.get(url)
        assert response.status_code == 200, url
        assert FULL not in response.content.decode() and "13912345678" not in response.content.decode(), url
    lookup = api_client.post("/api/v1/workers/lookup/", {"id_number": FULL}, format="json")
    assert lookup.status_code == 200 and FULL not in lookup.content.decode()
    assert seen_masked
    if persona == "chengguan_inspector":  # the search by full ID number still finds the person
        assert "张工" in client.get(reverse("projects:workers") + f"?q={FULL}", follow=True).content.decode()


def test_a_full_id_number_travels_in_a_body_never_in_a_url(personas, staffed, login, api_client):
    """Issue 16: the ID number of a look-up reached the access log through the query string."""
    client = login(personas.chengguan_inspector)
    for url in (reverse("projects:workers"), reverse("search")):
        response = client.post(url, {"q": f" {FULL} "})
        assert response.status_code == 302 and FULL not in response["Location"] and "idx=" in response["Location"]
        assert "张工" in client.get(response["Location"]).content.decode()
    page = client.get(reverse("projects:workers")).content.decode()
    assert '<form method="post" class="filter-bar' in page and 'data-testid="header-search"' in page
    api_client.force_authenticate(personas.chengguan_inspector)
    refused = api_client.get("/api/v1/workers/", {"q": FULL})
    assert refused.status_code == 400 and "lookup" in refused.json()["q"][0]
    found = api_client.post("/api/v1/workers/lookup/", {"id_number": FULL}, format="json").json()
    assert [w["name"] for w in found["results"]] == ["张工"] and found["results"][0]["id_number"] != FULL
    assert api_client.post("/api/v1/workers/lookup/", {"id_number": "123"}, format="json").status_code == 400
    api_client.force_authenticate(personas.qilihe_inspector)  # another district: not found, not refused
    assert api_client.post("/api/v1/workers/lookup/", {"id_number": FULL}, format="json").json()["results"] == []


def test_lists_that_take_no_id_number_do_not_accept_posts(personas, login):
    assert login(personas.city_admin).post(reverse("projects:list"), {"q": "x"}).status_code == 405


def test_inspector_of_the_district_reveals_with_a_reason_and_it_is_audited(personas, staffed, login):
    client = login(personas.chengguan_inspector)
    url = reverse("projects:worker-reveal", args=[staffed.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "案件 2026-031 调查"})
    assert response.status_code == 200 and FULL in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    event = AuditEvent.objects.get(event="personal_data_revealed")
    assert (event.actor, event.object_id, event.data["field"]) == (personas.chengguan_inspector, str(staffed.pk),
                                                                   "id_number")
    assert FULL not in str(event.data)
    assert client.get(url).status_code == 405  # a POST action only


@pytest.mark.parametrize(("persona", "status"), [
    ("chengguan_official", 200), ("chengguan_inspector", 200),
    ("qilihe_inspector", 404), ("chengguan_grid", 403), ("enterprise_a_user", 403), ("city_leader", 403),
])
def test_who_may_reveal(persona, status, personas, staffed, login):
    response = login(getattr(personas, persona)).post(reverse("projects:worker-reveal", args=[staffed.pk]),
                                                      {"reason": "核查"})
    assert response.status_code == status
    assert (FULL in response.content.decode()) is (status == 200)


def test_worker_scope_follows_the_projects(personas, site, staffed):
    assert list(Worker.objects.visible_to(personas.enterprise_a_user)) == [staffed]
    assert not Worker.objects.visible_to(personas.qilihe_official).exists()
    assert list(Worker.objects.visible_to(personas.chengguan_grid)) == [staffed]
