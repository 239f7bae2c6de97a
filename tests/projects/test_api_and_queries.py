"""API submission of rosters and payrolls, project answers for the construction bureau, query counts that do not
grow with the page size, and the retention rule."""

import datetime as dt

import pytest
from django.urls import reverse

from projects.models import Employment, PayrollBatch, PayrollLine, RetentionError
from projects.services import delete_payroll_month

from .factories import (
    EmploymentFactory,
    PayrollBatchFactory,
    PayrollLineFactory,
    ProjectFactory,
    WageAccountFactory,
    id_number,
)

pytestmark = pytest.mark.django_db


def _roster_rows(n):
    return [{"name": f"工人{i}", "id_number": id_number(i), "entered_on": "2026-03-01",
             "contract_signed_on": "2026-02-28", "card_held_by_worker": "是"} for i in range(1, n + 1)]


def test_an_enterprise_submits_roster_and_payroll_through_the_api(personas, site, api_client):
    api_client.force_authenticate(personas.enterprise_a_user)
    response = api_client.post(f"/api/v1/projects/{site.a.pk}/roster/", {"rows": _roster_rows(2)}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["created_count"] == 2
    rows = [{"name": "工人1", "id_number": id_number(1), "days_worked": "20", "gross_pay": "6000",
             "net_pay": "6000", "paid_amount": "6000", "paid_on": "2026-04-10", "bank_reference": "B1"},
            {"name": "工人2", "id_number": id_number(2), "days_worked": "20", "gross_pay": "6000",
             "net_pay": "5000"}]
    response = api_client.post(f"/api/v1/projects/{site.a.pk}/payroll/", {"month": "2026-03", "rows": rows},
                               format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["row"] == 2 and response.json()["errors"][0]["column"] == "net_pay"
    rows[1]["net_pay"] = "6000"
    response = api_client.post(f"/api/v1/projects/{site.a.pk}/payroll/", {"month": "2026-03", "rows": rows},
                               format="json")
    assert response.status_code == 201
    # The month again with a change: 202 and the changes; confirming applies them.
    rows[1]["paid_amount"], rows[1]["paid_on"] = "6000", "2026-04-11"
    response = api_client.post(f"/api/v1/projects/{site.a.pk}/payroll/", {"month": "2026-03", "rows": rows},
                               format="json")
    assert response.status_code == 202 and response.json()["status"] == "confirm"
    assert response.json()["changes"]["changed"] == 1
    job = response.json()["id"]
    assert api_client.post(f"/api/v1/project-imports/{job}/confirm/").json()["status"] == "done"
    assert PayrollBatch.objects.get().paid_total == 12000
    summary = api_client.get("/api/v1/payroll-months/").json()["results"][0]
    assert summary["pay_due_on"] == "2026-04-15" and summary["worker_count"] == 2


def test_permit_eligibility_and_compliance_for_the_construction_bureau(personas, site, api_client, no_deposit_app):
    api_client.force_authenticate(personas.chengguan_official)
    body = api_client.get(f"/api/v1/projects/{site.a.pk}/permit-eligibility/").json()
    assert body["eligible"] is False
    assert body["missing"] == ["Funding confirmed in place", "Wage deposit stored, guaranteed or exempt"]
    EmploymentFactory(project=site.a, compliant=True)
    body = api_client.get(f"/api/v1/projects/{site.a.pk}/compliance/").json()
    assert body["workers"] == 1 and body["ok"] is True


def _many_projects(n, district):
    for i in range(n):
        project = ProjectFactory(district=district)
        WageAccountFactory(project=project)
        EmploymentFactory(project=project, compliant=bool(i % 2))
        PayrollLineFactory(batch__project=project, employment__project=project)


def _count(fn):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert fn().status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/projects/", "/api/v1/projects/", "/api/v1/workers/", "/api/v1/payroll-months/",
                                 "/projects/workers/"])
def test_list_query_counts_do_not_grow_with_the_page(url, personas, login, api_client,
                                                     django_assert_num_queries):
    user = personas.chengguan_official
    district = user.district
    client = login(user) if not url.startswith("/api/") else None
    if client is None:
        api_client.force_authenticate(user)
        client = api_client
    _many_projects(2, district)
    few = _count(lambda: client.get(url))
    assert few <= 16
    _many_projects(8, district)
    with django_assert_num_queries(few):
        client.get(url)


def test_project_page_tabs_have_fixed_query_counts(personas, login, site, django_assert_num_queries):
    client = login(personas.chengguan_official)
    months = iter(dt.date(2020 + i // 12, 1 + i % 12, 1) for i in range(100))
    for tab in ("overview", "parties", "account", "workers", "payroll", "compliance"):
        url = reverse("projects:detail", args=[site.a.pk]) + f"?tab={tab}"
        PayrollLineFactory(batch__project=site.a, batch__month=next(months), employment__project=site.a)
        few = _count(lambda u=url: client.get(u))
        for _ in range(3):
            PayrollLineFactory(batch__project=site.a, batch__month=next(months), employment__project=site.a)
        with django_assert_num_queries(few):
            client.get(url)


def test_payroll_cannot_be_deleted_before_the_retention_ends(personas):
    line = PayrollLineFactory()
    with pytest.raises(RetentionError):
        line.delete()
    with pytest.raises(RetentionError):
        PayrollLine.objects.all().delete()
    with pytest.raises(RetentionError):
        delete_payroll_month(line.batch, actor=personas.city_admin)
    with pytest.raises(TypeError):
        PayrollLine.objects.update(paid_amount=0)
    assert PayrollLine.objects.count() == 1


def test_payroll_can_be_deleted_three_years_after_settlement(personas):
    project = ProjectFactory(settled_long_ago=True)
    batch = PayrollBatchFactory(project=project)
    PayrollLineFactory(batch=batch, employment=EmploymentFactory(project=project))
    delete_payroll_month(batch, actor=personas.city_admin)
    assert not PayrollBatch.objects.exists() and not PayrollLine.objects.exists()
    assert Employment.objects.exists()
