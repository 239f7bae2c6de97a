"""Monthly attendance: the Excel import (all or nothing, a report per row), the gate vendor's API (idempotent
upsert), the labour officer's entry, the project's attendance months, and scoping for every way in."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from audit.kinds import AuditKind
from audit.models import AuditEvent
from projects import importers
from projects.choices import AttendanceSource, ImportKind
from projects.importers.attendance import COLUMNS
from projects.models import Attendance

from .factories import (
    AttendanceFactory,
    EmploymentFactory,
    PayrollBatchFactory,
    PayrollLineFactory,
    WorkerFactory,
    id_number,
)

pytestmark = pytest.mark.django_db
HEADERS = [c.header for c in COLUMNS]  # 身份证号 姓名 项目编号 考勤月份 出勤天数


@pytest.fixture
def crew(site):
    """Two workers on project A's roster."""
    return [EmploymentFactory(project=site.a, worker=WorkerFactory(name=f"工人{n}", id_number=id_number(n)))
            for n in (1, 2)]


def _import(site, user, make_workbook, rows):
    data = make_workbook(HEADERS, rows, text_columns=(1, 3))
    return importers.submit(site.a, ImportKind.ATTENDANCE, actor=user, file_name="gate.xlsx", data=data)


def test_an_excel_import_creates_then_replaces_months(personas, site, crew, make_workbook):
    user = personas.enterprise_a_user
    job = _import(site, user, make_workbook, [[id_number(1), "工人1", "LZ-A", "2026-03", 21.5],
                                              [id_number(2), "", "lz-a", "2026年3月", "22"],
                                              [id_number(1), "工人1", "LZ-A", dt.datetime(2026, 4, 1), 0]])
    assert job.status == "done", job.errors
    assert (job.created_count, job.updated_count) == (3, 0)
    record = Attendance.objects.get(employment=crew[0], month=dt.date(2026, 3, 1))
    assert record.days_on_site == Decimal("21.5") and record.source == AttendanceSource.GATE_IMPORT
    assert record.source_import_id == job.pk and record.recorded_by == user
    assert AuditEvent.objects.filter(event=AuditKind.ATTENDANCE_IMPORTED).count() == 1
    job = _import(site, user, make_workbook, [[id_number(1), "工人1", "LZ-A", "2026-03", 20],
                                              [id_number(2), "工人2", "LZ-A", "2026-03", 22]])
    assert (job.created_count, job.updated_count, job.unchanged_count) == (0, 1, 1)
    record.refresh_from_db()
    assert record.days_on_site == Decimal("20.0")
    assert record.history.count() == 2  # the earlier value is kept
    assert Attendance.objects.count() == 3  # April, not in the second file, stays


def test_one_bad_row_imports_nothing_and_every_error_is_reported(personas, site, crew, make_workbook):
    future = (timezone.localdate().replace(day=1) + dt.timedelta(days=40)).strftime("%Y-%m")
    job = _import(site, personas.enterprise_a_user, make_workbook, [
        [id_number(1), "工人1", "LZ-A", "2026-03", 21],
        [id_number(2), "别人", "LZ-A", "2026-03", 32],
        [id_number(7), "", "LZ-A", "2026-03", 10],
        [id_number(1), "", "LZ-B", "2026-04", 5],
        [id_number(1), "", "LZ-A", "2026-02", 28.5],
        [id_number(1), "", "LZ-A", "2026-03", 1],
        [id_number(2), "别人", "LZ-A", future, 5],
    ])
    assert job.status == "failed"
    assert Attendance.objects.count() == 0
    cells = {(e["row"], e["column"]) for e in job.errors}
    assert cells == {(3, "出勤天数"), (4, "身份证号"), (5, "项目编号"), (6, "出勤天数"), (7, "身份证号"),
                     (8, "考勤月份")}
    assert not any(e["row"] == 2 for e in job.errors)


def test_the_template_has_the_columns(personas, login):
    response = login(personas.enterprise_a_user).get("/projects/templates/attendance.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADERS


def test_the_gate_api_upserts_idempotently(personas, site, crew, api_client):
    api_client.force_authenticate(personas.enterprise_a_user)
    body = {"project": "LZ-A", "month": "2026-03", "rows": [
        {"id_number": id_number(1), "name": "工人1", "days_on_site": "21.5"},
        {"id_number": id_number(2), "days_on_site": 22}]}
    first = api_client.post("/api/v1/attendance/", body, format="json")
    assert first.status_code == 201, first.json()
    assert first.json()["created_count"] == 2
    again = api_client.post("/api/v1/attendance/", body, format="json")
    assert again.status_code == 201
    assert (again.json()["created_count"], again.json()["updated_count"], again.json()["unchanged_count"]) == (0, 0, 2)
    assert set(Attendance.objects.values_list("source", flat=True)) == {AttendanceSource.API}
    listed = api_client.get("/api/v1/attendance/", {"project": site.a.pk}).json()["results"]
    assert len(listed) == 2 and listed[0]["project_code"] == "LZ-A"
    assert all("*" in row["worker_id_number"] for row in listed)  # masked


def test_the_gate_api_validates_like_the_import(personas, site, crew, api_client):
    api_client.force_authenticate(personas.enterprise_a_user)
    response = api_client.post("/api/v1/attendance/", {"project": "LZ-A", "month": "2026-02", "rows": [
        {"id_number": id_number(1), "days_on_site": "29"}]}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["column"] == "days_on_site"
    response = api_client.post("/api/v1/attendance/", {"project": "LZ-A", "month": "2099-01", "rows": [
        {"id_number": id_number(1), "days_on_site": "2"}]}, format="json")
    assert response.status_code == 400 and "month" in response.json()
    assert Attendance.objects.count() == 0


def test_the_gate_api_answers_404_for_a_project_out_of_scope(personas, site, api_client):
    EmploymentFactory(project=site.b, worker=WorkerFactory(id_number=id_number(5)))
    api_client.force_authenticate(personas.enterprise_a_user)
    response = api_client.post("/api/v1/attendance/", {"project": "LZ-B", "month": "2026-03", "rows": [
        {"id_number": id_number(5), "days_on_site": 3}]}, format="json")
    assert response.status_code == 404
    assert Attendance.objects.count() == 0


def test_the_attendance_list_is_scoped_for_every_role(personas, site, api_client, crew):
    AttendanceFactory(employment=crew[0])
    AttendanceFactory(employment=EmploymentFactory(project=site.b))
    expected = {personas.enterprise_a_user: {"LZ-A"}, personas.enterprise_b_user: {"LZ-A", "LZ-B"},
                personas.chengguan_official: {"LZ-A"}, personas.qilihe_official: {"LZ-B"},
                personas.city_leader: {"LZ-A", "LZ-B"}}
    for user, codes in expected.items():
        api_client.force_authenticate(user)
        rows = api_client.get("/api/v1/attendance/").json()["results"]
        assert {row["project_code"] for row in rows} == codes, user.username


def test_the_labour_officer_enters_and_corrects_a_month(personas, site, crew, login):
    client = login(personas.enterprise_a_user)
    response = client.post(f"/projects/{site.a.pk}/attendance/new/", {
        "employment": crew[0].pk, "month": "2026-03", "days_on_site": "20.5"})
    assert response.status_code == 302
    record = Attendance.objects.get()
    assert record.source == AttendanceSource.OFFICER and record.days_on_site == Decimal("20.5")
    assert AuditEvent.objects.filter(event=AuditKind.ATTENDANCE_RECORDED).count() == 1
    response = client.post(f"/projects/attendance/{record.pk}/edit/", {
        "employment": crew[0].pk, "month": "2026-03", "days_on_site": "19"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.days_on_site == Decimal("19.0") and Attendance.objects.count() == 1


def test_the_entry_form_refuses_impossible_days_and_other_projects_workers(personas, site, crew, login):
    client = login(personas.enterprise_a_user)
    outsider = EmploymentFactory(project=site.b)
    for data in ({"employment": crew[0].pk, "month": "2026-02", "days_on_site": "29"},
                 {"employment": crew[0].pk, "month": "2026-03", "days_on_site": "-1"},
                 {"employment": crew[0].pk, "month": "2026-03", "days_on_site": "10.25"},
                 {"employment": outsider.pk, "month": "2026-03", "days_on_site": "10"}):
        response = client.post(f"/projects/{site.a.pk}/attendance/new/", data)
        assert response.status_code == 200, data
    assert Attendance.objects.count() == 0


def test_the_pages_answer_404_out_of_district(personas, site, crew, login):
    record = AttendanceFactory(employment=crew[0])
    client = login(personas.qilihe_official)
    assert client.get(f"/projects/{site.a.pk}/attendance/").status_code == 404
    assert client.get(f"/projects/{site.a.pk}/attendance/2026-03/").status_code == 404
    assert client.get(f"/projects/attendance/{record.pk}/edit/").status_code == 404
    assert client.post(f"/projects/{site.a.pk}/attendance/new/", {}).status_code == 404
    assert login(personas.chengguan_official).get(f"/projects/{site.a.pk}/attendance/").status_code == 200


def test_the_months_page_compares_attendance_with_who_was_paid(personas, site, crew, login):
    AttendanceFactory(employment=crew[0], month=dt.date(2026, 3, 1))
    AttendanceFactory(employment=crew[1], month=dt.date(2026, 3, 1))
    march = PayrollBatchFactory(project=site.a, month=dt.date(2026, 3, 1))
    PayrollLineFactory(batch=march, employment=crew[0])
    april = PayrollBatchFactory(project=site.a, month=dt.date(2026, 4, 1))
    PayrollLineFactory(batch=april, employment=crew[0])
    response = login(personas.chengguan_official).get(f"/projects/{site.a.pk}/attendance/")
    months = {m["month"]: m for m in response.context["months"]}
    assert (months[dt.date(2026, 3, 1)]["attended"], months[dt.date(2026, 3, 1)]["paid"]) == (2, 1)
    assert months[dt.date(2026, 4, 1)]["attended"] is None  # payroll without attendance: not a guessed zero
    assert "no attendance recorded" in response.content.decode()
    month_page = login(personas.chengguan_official).get(f"/projects/{site.a.pk}/attendance/2026-03/")
    assert month_page.status_code == 200 and "工人1" in month_page.content.decode()
