"""A provisional calendar year (statutory holidays only) never looks certain: the deadlines counted in it carry
the mark on pages, in the API and in documents; the coverage check alerts the city administrators by notice and
mail until the official schedule is entered; and a refusal for a missing year stays audited after the refused
operation's rollback. Fields that cannot be computed say why."""

import datetime as dt

import pytest
from django.core import mail
from django.core.signals import request_finished
from django.db import transaction
from django.template import Context, Template

from audit import events
from audit.models import AuditEvent
from core.models import AdminNotice, CalendarYear
from core.tasks import check_calendar_coverage
from core.workdays import CalendarNotCovered, WorkdayCalendar, add_workdays, provisional_note_zh, set_year

pytestmark = pytest.mark.django_db
D = dt.date
STATUTORY_2027 = [D(2027, 1, 1), D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)]


def provisional_2027():
    set_year(2027, holidays=STATUTORY_2027, workdays=[], note="演示：仅法定节假日", provisional=True)


def test_a_provisional_year_counts_but_is_marked():
    provisional_2027()
    calendar = WorkdayCalendar()
    due = calendar.add_workdays(D(2026, 12, 30), 5)
    assert due == D(2027, 1, 7)
    assert calendar.is_provisional(due) and calendar.provisional_between(D(2026, 12, 30), due)
    assert not calendar.is_provisional(D(2026, 12, 31))
    assert "暂定的2027年" in provisional_note_zh(D(2026, 12, 30), due)
    assert provisional_note_zh(D(2026, 12, 30)) == ""
    html = Template("{% load calendar_marks %}{% provisional_mark day %}").render(Context({"day": due}))
    assert 'data-testid="provisional"' in html
    assert Template("{% load calendar_marks %}{% provisional_mark day %}").render(
        Context({"day": D(2026, 12, 31)})) == ""


def test_the_official_schedule_replaces_the_mark():
    provisional_2027()
    set_year(2027, holidays=STATUTORY_2027, workdays=[D(2027, 2, 20)], note="国办发明电〔2026〕X号")
    assert not CalendarYear.objects.get(year=2027).provisional
    assert not WorkdayCalendar().is_provisional(D(2027, 1, 7))


def test_the_december_check_treats_a_provisional_year_as_not_confirmed_and_alerts_admins(personas, login):
    provisional_2027()
    personas.city_admin.email = "admin@example.cn"
    personas.city_admin.save()
    result = check_calendar_coverage(today="2026-12-01")
    assert result == {"covered_until": 2027, "confirmed_until": 2026, "next_year_missing": True,
                      "next_year_provisional": True}
    notice = AdminNotice.objects.get(key="calendar:2027", resolved_at__isnull=True)
    assert "2027" in notice.title
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["admin@example.cn"]
    check_calendar_coverage(today="2026-12-01")
    assert len(mail.outbox) == 1  # once a day
    check_calendar_coverage(today="2026-12-02")
    assert len(mail.outbox) == 2
    assert AuditEvent.objects.filter(event="calendar_not_covered", data__year=2027).count() == 2
    # the banner: city administrators see it on every page, an inspector does not
    assert 'data-testid="admin-notice"' in login(personas.city_admin).get("/").content.decode()
    assert 'data-testid="admin-notice"' not in login(personas.chengguan_inspector).get("/").content.decode()
    # the official schedule resolves it
    set_year(2027, holidays=STATUTORY_2027, workdays=[D(2027, 2, 20)], note="国办发明电〔2026〕X号")
    assert not AdminNotice.objects.filter(resolved_at__isnull=True).exists()
    assert check_calendar_coverage(today="2026-12-03")["next_year_missing"] is False
    assert 'data-testid="admin-notice"' not in login(personas.city_admin).get("/").content.decode()


def test_a_provisional_year_in_use_is_raised_outside_december_too():
    provisional_2027()
    check_calendar_coverage(today="2027-03-01")
    assert AdminNotice.objects.filter(key="calendar:2027", resolved_at__isnull=True).exists()


def test_the_refusal_audit_survives_the_rollback_of_the_refused_operation(personas, login):
    with pytest.raises(CalendarNotCovered), transaction.atomic():
        AuditEvent.objects.create(event="operation_write")  # the operation's own write, rolled back
        add_workdays(D(2026, 12, 30), 5)
    assert not AuditEvent.objects.filter(event="operation_write").exists()
    client = login(personas.chengguan_inspector)
    client.get("/")  # the end of a request writes what was kept (request_finished; a task end does the same)
    event = AuditEvent.objects.get(event="calendar_not_covered")
    assert event.data == {"year": 2027} and event.success is False
    client.get("/")
    assert AuditEvent.objects.filter(event="calendar_not_covered").count() == 1  # written once


def test_the_flush_is_connected_to_the_end_of_requests_and_tasks():
    from celery.signals import task_postrun

    assert any(getattr(r[1], "__name__", "") == "flush_independent" or "flush_independent" in repr(r[1])
               for r in request_finished.receivers)
    assert task_postrun.receivers


def test_outside_a_transaction_the_refusal_is_written_at_once(monkeypatch):
    from django.db import connection

    monkeypatch.setattr(type(connection), "in_atomic_block", property(lambda self: False), raising=False)
    events.record_independently("calendar_not_covered", success=False, year=2031)
    monkeypatch.undo()
    assert AuditEvent.objects.filter(event="calendar_not_covered", data__year=2031).exists()


# --- the payroll months API: a pay date that cannot be computed says why ---------------------------------

def _december_batch(personas):
    from tests.projects.factories import PayrollBatchFactory, ProjectFactory

    project = ProjectFactory(general_contractor=personas.enterprise_a, pay_day=15, pay_in_next_month=True)
    return PayrollBatchFactory(project=project, month=D(2026, 12, 1))


def test_pay_due_on_in_an_uncovered_year_gives_the_reason(personas, api_client):
    batch = _december_batch(personas)
    api_client.force_authenticate(personas.city_admin)
    row = api_client.get(f"/api/v1/payroll-months/{batch.pk}/").json()
    assert row["pay_due_on"] is None and row["pay_due_on_provisional"] is False
    assert "2027" in row["pay_due_on_unavailable_reason"]


def test_pay_due_on_in_a_provisional_year_is_marked(personas, api_client, login):
    provisional_2027()
    batch = _december_batch(personas)
    api_client.force_authenticate(personas.city_admin)
    row = api_client.get(f"/api/v1/payroll-months/{batch.pk}/").json()
    assert row["pay_due_on"] == "2027-01-15" and row["pay_due_on_provisional"] is True
    assert row["pay_due_on_unavailable_reason"] == ""
    page = login(personas.city_admin).get(f"{batch.project.get_absolute_url()}?tab=payroll").content.decode()
    assert "2027-01-15" in page and 'data-testid="provisional"' in page


def test_pay_due_on_with_a_confirmed_year_is_plain(personas, api_client):
    from tests.projects.factories import PayrollBatchFactory, ProjectFactory

    batch = PayrollBatchFactory(project=ProjectFactory(pay_day=15, pay_in_next_month=True), month=D(2026, 9, 1))
    api_client.force_authenticate(personas.city_admin)
    row = api_client.get(f"/api/v1/payroll-months/{batch.pk}/").json()
    assert row["pay_due_on"] == "2026-10-15" and row["pay_due_on_provisional"] is False
    assert row["pay_due_on_unavailable_reason"] == ""


def test_deadline_fields_in_a_provisional_year_are_named_in_the_api(personas, api_client):
    from tests.cases.factories import CaseFactory

    provisional_2027()
    case = CaseFactory(enterprise=personas.enterprise_a, investigation_deadline=D(2027, 2, 1),
                       order_deadline=D(2026, 12, 20))
    api_client.force_authenticate(personas.city_admin)
    row = api_client.get(f"/api/v1/cases/{case.pk}/").json()
    assert "investigation_deadline" in row["provisional_deadlines"]
    assert "order_deadline" not in row["provisional_deadlines"]


def test_the_rectification_order_pdf_says_its_deadline_is_provisional(monkeypatch):
    """PDF wording: a deadline counted in a provisional year says so in the document itself."""
    from types import SimpleNamespace

    from cases import documents

    provisional_2027()
    paragraphs = []

    class Capture:
        def __init__(self, *args):
            pass

        def para(self, text, **kwargs):
            paragraphs.append(text)

        def field(self, *args):
            pass

        def signature(self, *args):
            pass

        def render(self):
            return b""

    monkeypatch.setattr(documents, "Document", Capture)
    order = SimpleNamespace(case=SimpleNamespace(employer_name="甲公司"), number="X1", workers=3,
                            deadline=D(2027, 1, 7), workdays=5, amount=1000, requirements="足额支付",
                            issued_on=D(2026, 12, 30), served_on=D(2026, 12, 30),
                            get_service_method_display=lambda: "直接送达")
    documents.rectification_order(order)
    assert any("暂定的2027年" in p for p in paragraphs)
    paragraphs.clear()
    order.deadline, order.issued_on = D(2026, 11, 10), D(2026, 11, 3)
    documents.rectification_order(order)
    assert not any("暂定" in p for p in paragraphs)
