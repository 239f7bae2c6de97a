"""Pages: inbox, lists with filters and export, case and complaint pages, actions through the UI, masks and
reveals, the public form and the status page, PDFs."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from cases import documents, services
from cases.models import Case, Complaint
from tests.factories import EnterpriseFactory

from .factories import CaseFactory, ComplaintFactory, investigating_case, new_complaint, ordered_case

D = dt.date
pytestmark = pytest.mark.django_db


def test_inbox_sorts_by_the_nearest_deadline_and_marks_overdue(personas, login):
    me = personas.chengguan_inspector
    today = timezone.localdate()
    late = ComplaintFactory(enterprise=personas.enterprise_a, acceptance_deadline=today - dt.timedelta(days=3))
    soon = ComplaintFactory(enterprise=personas.enterprise_a, acceptance_deadline=today + dt.timedelta(days=1))
    case = CaseFactory(enterprise=personas.enterprise_a, investigation_deadline=today + dt.timedelta(days=5))
    case.assignments.create(inspector=me, assigned_at=timezone.now())
    ComplaintFactory(enterprise=personas.enterprise_b)  # Qilihe: not in my inbox
    html = login(me).get(reverse("cases:inbox")).content.decode()
    positions = [html.index(x) for x in (late.tracking_number, soon.tracking_number, case.number)]
    assert positions == sorted(positions)
    assert 'class="row-overdue"' in html and "deadline-overdue" in html
    assert html.count('data-testid="inbox-row"') == 3


def test_inbox_query_count_does_not_grow_with_the_items(personas, login):
    me = personas.chengguan_inspector
    client = login(me)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("cases:inbox")).status_code == 200
        return len(ctx)

    def add(n):
        for _ in range(n):
            ComplaintFactory(enterprise=personas.enterprise_a)
            case = CaseFactory(enterprise=personas.enterprise_a)
            case.assignments.create(inspector=me, assigned_at=timezone.now())

    add(2)
    few = count()
    add(10)
    assert count() == few


@pytest.fixture
def late_november(monkeypatch):
    """Decisions are taken on 26 Nov 2026: 60 working days later is in 2027, which the calendar lacks."""
    monkeypatch.setattr("cases.services.acceptance.today", lambda: D(2026, 11, 26))


def test_quick_accept_with_htmx_swaps_the_row(personas, login, late_november):
    complaint = new_complaint(None, enterprise=personas.enterprise_a,
                              now=timezone.make_aware(dt.datetime(2026, 9, 1, 9)))
    client = login(personas.chengguan_inspector)
    url = reverse("cases:quick", args=["complaint", complaint.pk, "accept"])
    response = client.post(url, HTTP_HX_REQUEST="true")
    # Filing today needs 2027's calendar: the row says so and nothing changes.
    assert response.status_code == 200 and "no holiday schedule for 2027" in response.content.decode()
    assert Complaint.objects.get(pk=complaint.pk).status == "received"


def test_quick_take_assigns_me_and_starts_the_investigation(personas, partner, login):
    from .factories import filed_case

    case = filed_case(partner, personas.enterprise_a)
    response = login(personas.chengguan_inspector).post(
        reverse("cases:quick", args=["case", case.pk, "take"]), HTTP_HX_REQUEST="true")
    assert 'data-testid="quick-result"' in response.content.decode()
    assert Case.objects.get(pk=case.pk).status == "investigating"


def test_case_list_filters_export_and_query_count(personas, login):
    for i in range(3):
        CaseFactory(enterprise=personas.enterprise_a, flagged=i == 0)
    client = login(personas.chengguan_official)
    html = client.get(reverse("cases:list"), {"flagged": "true"}).content.decode()
    assert html.count("font-monospace") == 1
    response = client.get(reverse("cases:list"), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert AuditEvent.objects.filter(event="list_exported", data__model="cases.case").exists()


def test_complaint_list_export_masks_personal_data(personas, login):
    ComplaintFactory(enterprise=personas.enterprise_a)
    response = login(personas.city_admin).get(reverse("cases:complaints"), {"export": "xlsx"})
    import io

    from openpyxl import load_workbook

    data = b"".join(response.streaming_content)
    values = [str(c.value) for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    assert "139****5678" in values and not any("13912345678" in v or "王小二" in v for v in values)


def test_pages_show_masks_and_reveal_is_audited(personas, login):
    complaint = ComplaintFactory(enterprise=personas.enterprise_a)
    for user in (personas.chengguan_grid, personas.city_leader, personas.chengguan_inspector):
        html = login(user).get(complaint.get_absolute_url()).content.decode()
        assert "139****5678" in html and "13912345678" not in html and "11010519491231002X" not in html
        assert "王小二" not in html
    grid = login(personas.chengguan_grid)
    # a grid assistant may not change complaints: refused for the role (403), not hidden as out of scope
    assert grid.post(reverse("cases:complaint-reveal", args=[complaint.pk, "phone"])).status_code == 403
    response = login(personas.chengguan_inspector).post(reverse("cases:complaint-reveal",
                                                                args=[complaint.pk, "phone"]))
    assert "13912345678" in response.content.decode()
    assert AuditEvent.objects.filter(event="personal_data_revealed", data__field="complainant_phone").count() == 1


def test_api_never_shows_full_personal_data(personas, api_client):
    ComplaintFactory(enterprise=personas.enterprise_a)
    api_client.force_authenticate(personas.city_admin)
    body = api_client.get("/api/v1/complaints/").content.decode()
    assert "139****5678" in body and "13912345678" not in body and "11010519491231002X" not in body


def test_desk_records_a_walk_in_complaint_routed_to_another_district(personas, login):
    client = login(personas.chengguan_official)
    assert client.get(reverse("cases:complaint-create")).status_code == 200
    response = client.post(reverse("cases:complaint-create"), {
        "channel": "walk_in", "kind": "complaint", "complainant_name": "赵六", "complainant_phone": "13700001234",
        "employer_name": personas.enterprise_b.name, "workers_count": 2, "amount_owed": "8000",
        "description": "欠薪两个月",
    })
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and complaint.district == personas.enterprise_b.district
    assert complaint.entered_by == personas.chengguan_official and complaint.channel == "walk_in"


def test_desk_form_shows_the_anonymous_complaint_error(personas, login):
    response = login(personas.chengguan_official).post(reverse("cases:complaint-create"), {
        "channel": "12333", "kind": "complaint", "anonymous": "on", "employer_name": "某公司", "district":
            personas.enterprise_a.district_id, "workers_count": 1, "amount_owed": "100", "description": "x"})
    assert response.status_code == 400 and "must be named" in response.content.decode()


def test_public_form_without_login_gives_a_tracking_number(personas, client):
    response = client.post(reverse("cases:public-complaint"), {
        "kind": "complaint", "complainant_name": "孙七", "complainant_phone": "13600004321",
        "employer_name": "某餐饮店", "district": personas.enterprise_a.district_id, "workers_count": 1,
        "amount_owed": "3000", "description": "欠一个月工资"}, follow=True)
    complaint = Complaint.objects.get()
    assert complaint.channel == "online" and complaint.entered_by is None
    assert complaint.tracking_number in response.content.decode()


def test_status_page_reveals_nothing_without_the_right_phone_digits(personas, client):
    complaint = new_complaint(None, enterprise=personas.enterprise_a)
    url = reverse("cases:public-status")
    wrong = client.post(url, {"tracking_number": complaint.tracking_number, "phone_last4": "0000"}).content.decode()
    unknown = client.post(url, {"tracking_number": "T20260101AAAAAA", "phone_last4": "5678"}).content.decode()
    for html in (wrong, unknown):
        assert 'data-testid="status-not-found"' in html and 'data-testid="status-result"' not in html
        assert complaint.employer_name not in html and "Received" not in html.split("status-not-found")[1]
    right = client.post(url, {"tracking_number": complaint.tracking_number.lower(), "phone_last4": "5678"})
    assert 'data-testid="status-result"' in right.content.decode()
    assert complaint.employer_name in right.content.decode()


def test_status_page_is_rate_limited(personas, client):
    url = reverse("cases:public-status")
    codes = [client.post(url, {"tracking_number": f"T2026010100000{i % 10}", "phone_last4": "1234"}).status_code
             for i in range(11)]
    assert codes[:10] == [200] * 10 and codes[10] == 429


def test_status_page_limits_guessing_one_number_from_many_addresses(personas, client):
    complaint = new_complaint(None, enterprise=personas.enterprise_a)
    url = reverse("cases:public-status")
    codes = [client.post(url, {"tracking_number": complaint.tracking_number, "phone_last4": f"{i:04d}"},
                         REMOTE_ADDR=f"10.0.0.{i}").status_code for i in range(6)]
    assert codes[-1] == 429
    right = client.post(url, {"tracking_number": complaint.tracking_number, "phone_last4": "5678"},
                        REMOTE_ADDR="10.0.1.1")
    assert right.status_code == 429  # even the right digits wait until the hour is over


def test_case_page_actions_and_illegal_ones_show_a_clear_error(personas, partner, login):
    case = investigating_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    client = login(personas.chengguan_inspector)
    html = client.get(case.get_absolute_url()).content.decode()
    assert 'data-testid="action-order"' in html and 'data-testid="action-transfer"' not in html
    response = client.post(reverse("cases:act", args=[case.pk, "overdue"]))
    assert response.status_code == 400 and "is not possible while the case is" in response.content.decode()
    response = client.post(reverse("cases:act", args=[case.pk, "order"]), {
        "issued_on": "2026-06-10", "workdays": 7, "amount": "24000", "workers": 3, "requirements": "支付",
        "served_on": "2026-06-10", "service_method": "posted"})
    assert response.status_code == 400 and "photo or video" in response.content.decode()


def test_the_ui_shows_the_uncovered_year_as_a_clear_error(personas, login, late_november):
    complaint = new_complaint(None, enterprise=personas.enterprise_a,
                              now=timezone.make_aware(dt.datetime(2026, 11, 20, 9)))
    response = login(personas.chengguan_inspector).post(reverse("cases:complaint-decide", args=[complaint.pk]), {
        "decision": "accepted", "employer_identified": "on", "within_inspection": "on", "in_jurisdiction": "on"})
    assert response.status_code == 400
    assert "no holiday schedule for 2027" in response.content.decode()


def test_pdfs_embed_their_cjk_font(personas, partner, login):
    case = ordered_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    client = login(personas.chengguan_inspector)
    order = case.orders.get()
    response = client.get(reverse("cases:order-pdf", args=[order.pk]))
    assert response["Content-Type"] == "application/pdf" and b"/FontFile2" in response.content
    complaint = case.complaints.get()
    notice = client.get(reverse("cases:acceptance-pdf", args=[complaint.pk]))
    assert notice.content.startswith(b"%PDF") and b"/FontFile2" in notice.content
    services.record_recovery(case, actor=personas.chengguan_inspector, paid_on=D(2026, 6, 12),
                             amount=Decimal("24000"), workers_paid=3)
    services.close_case(case, actor=personas.chengguan_inspector, outcome="rectified", summary="已支付")
    record = documents.closing_record(Case.objects.get(pk=case.pk))
    assert b"/FontFile2" in record and b"STSong" not in record


def test_mass_incident_recorded_major_and_on_the_case(personas, partner, login):
    case = investigating_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    client = login(personas.chengguan_official)
    response = client.post(reverse("cases:incident-create"), {
        "occurred_at": "2026-06-05T09:30", "place": "城关区某工地门口", "district": case.district_id,
        "workers_involved": 60, "enterprise": personas.enterprise_a.pk, "case": case.pk,
        "description": "60名工人聚集讨薪", "response_actions": ["investigation", "mediation"], "outcome": "当日化解"})
    assert response.status_code == 302
    html = client.get(reverse("cases:incidents"), {"major": "true"}).content.decode()
    assert "城关区某工地门口" in html
    assert case.events.filter(title__contains="Major mass incident").exists()


def test_other_enterprise_not_grouped(personas):
    other = EnterpriseFactory(district=personas.enterprise_a.district)
    a = new_complaint(None, enterprise=personas.enterprise_a)
    b = new_complaint(None, enterprise=other)
    assert b.group_lead is None and a.group_lead is None
