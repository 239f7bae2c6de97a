"""Intake: complainant rules, employer matching, routing to the district (属地管理), duplicate grouping,
attachments checked from content, personal data encrypted at rest, the uncovered-year deadline."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from audit import events
from audit.models import AuditEvent
from cases import services
from cases.models import Complaint
from enterprises.models import TimelineEntry
from kernel.errors import DomainError

from .factories import new_complaint

D = dt.date
pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def test_a_named_complaint_is_routed_to_the_employers_district(personas, qilihe):
    complaint = new_complaint(personas.chengguan_official, enterprise=personas.enterprise_b)
    assert complaint.enterprise == personas.enterprise_b
    assert complaint.district == qilihe  # taken at the Chengguan desk, handled by Qilihe
    assert complaint.acceptance_deadline == D(2026, 6, 5)  # Fri 29 May + 5 working days
    assert len(complaint.tracking_number) == 15


def test_matching_by_name_when_the_credit_code_is_missing(personas):
    complaint = new_complaint(None, employer_name=personas.enterprise_a.name, employer_credit_code="",
                              chosen_district=personas.enterprise_b.district)
    assert complaint.enterprise == personas.enterprise_a and complaint.district == personas.enterprise_a.district


def test_an_unmatched_employer_goes_to_the_chosen_district(personas, qilihe):
    complaint = new_complaint(None, employer_name="无名包工队", chosen_district=qilihe)
    assert complaint.enterprise is None and complaint.district == qilihe


def test_an_unmatched_employer_without_a_district_is_refused(personas):
    with pytest.raises(DomainError, match="Choose the district"):
        new_complaint(None, employer_name="无名包工队")


def test_a_project_routes_to_the_projects_district(personas, qilihe):
    from projects.models import Project

    project = Project.objects.create(code="P-QLH-1", name="七里河安置房", district=qilihe,
                                     client=personas.enterprise_b, general_contractor=personas.enterprise_a,
                                     contract_amount=Decimal("1000000"))
    # The contractor is registered in Chengguan, but the labour is used on the Qilihe site.
    complaint = new_complaint(personas.chengguan_official, enterprise=personas.enterprise_a, project=project)
    assert complaint.district == qilihe


def test_an_anonymous_complaint_is_refused_but_an_anonymous_report_is_taken(personas):
    with pytest.raises(DomainError, match="must be named"):
        new_complaint(None, enterprise=personas.enterprise_a, anonymous=True)
    report = new_complaint(None, enterprise=personas.enterprise_a, kind="report", anonymous=True)
    assert report.anonymous and report.complainant_phone == "" and report.complainant_name == ""


def test_a_named_complaint_needs_a_name_and_a_phone(personas):
    with pytest.raises(DomainError):
        new_complaint(None, enterprise=personas.enterprise_a, complainant_phone="")


def test_an_invalid_id_number_is_refused(personas):
    with pytest.raises(DomainError, match="check digit"):
        new_complaint(None, enterprise=personas.enterprise_a, complainant_id_number="110105194912310021")


@pytest.mark.parametrize("number", ["62017119950601001X", "620102197506010018"])
def test_real_ids_that_stdnum_refuses_or_crashes_on_are_taken(personas, number):
    complaint = new_complaint(None, enterprise=personas.enterprise_a, complainant_id_number=number)
    assert Complaint.objects.get(pk=complaint.pk).complainant_id_number == number


def test_the_public_form_takes_an_id_of_lanzhou_high_tech_zone(personas, client):
    response = client.post("/cases/public/complaint/", {
        "kind": "complaint", "complainant_name": "张三", "complainant_id_number": "62017119950601001X",
        "complainant_phone": "13900001111", "employer_name": personas.enterprise_a.name,
        "district": personas.enterprise_a.district_id, "workers_count": 1, "amount_owed": "3000",
        "description": "欠薪"})
    assert response.status_code == 302
    assert Complaint.objects.filter(complainant_id_index__gt="").exists()


def test_personal_data_is_encrypted_at_rest_with_a_blind_index(personas):
    complaint = new_complaint(None, enterprise=personas.enterprise_a, complainant_id_number="11010519491231002X")
    with connection.cursor() as cursor:
        cursor.execute("SELECT complainant_phone, complainant_id_number, complainant_name FROM cases_complaint "
                       "WHERE id = %s", [complaint.pk])
        raw = cursor.fetchone()
    assert all(value and "1391234" not in value and "王" not in value and "1101" not in value for value in raw)
    from kernel import crypto

    assert Complaint.objects.get(complainant_id_index=crypto.blind_index("11010519491231002x")) == complaint


def test_complaints_about_the_same_employer_within_the_window_are_grouped(personas):
    first = new_complaint(None, enterprise=personas.enterprise_a)
    second = new_complaint(None, enterprise=personas.enterprise_a,
                           now=timezone.make_aware(dt.datetime(2026, 6, 10, 9)))
    third = new_complaint(None, enterprise=personas.enterprise_a,
                          now=timezone.make_aware(dt.datetime(2026, 6, 20, 9)))
    assert second.group_lead == first and third.group_lead == first
    later = new_complaint(None, enterprise=personas.enterprise_a, now=timezone.make_aware(dt.datetime(2026, 9, 1, 9)))
    assert later.group_lead is None  # outside the 30-day window of every earlier complaint
    other = new_complaint(None, enterprise=personas.enterprise_b, now=timezone.make_aware(dt.datetime(2026, 6, 2, 9)))
    assert other.group_lead is None


def test_one_case_serves_the_whole_group(personas):
    me = personas.chengguan_inspector
    first = new_complaint(None, enterprise=personas.enterprise_a)
    second = new_complaint(None, enterprise=personas.enterprise_a, workers_count=5, amount_owed=Decimal("30000"),
                           now=timezone.make_aware(dt.datetime(2026, 6, 1, 9)))
    first = services.decide_complaint(first, actor=me, decision="accepted", on=D(2026, 6, 1))
    second = services.decide_complaint(second, actor=me, decision="accepted", on=D(2026, 6, 2))
    assert second.case == first.case
    case = first.case
    case.refresh_from_db()
    assert (case.workers_owed, case.amount_owed) == (8, Decimal("54000.00"))
    assert case.events.filter(kind="complaint_joined").exists()


def test_attachments_are_checked_from_their_content_not_their_name(personas):
    fake = SimpleUploadedFile("payslip.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(DomainError, match="not a PDF, JPEG or PNG"):
        services.submit_complaint(_unsaved(personas), attachments=[fake])
    assert not Complaint.objects.exists()
    good = [SimpleUploadedFile("scan.bin", PDF), SimpleUploadedFile("photo.txt", PNG)]
    complaint = services.submit_complaint(_unsaved(personas), attachments=good)
    assert sorted(complaint.attachments.values_list("content_type", flat=True)) == ["application/pdf", "image/png"]
    assert all(not a.file.name.endswith((".bin", ".txt")) for a in complaint.attachments.all())


def test_an_oversized_attachment_is_refused(personas):
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (5 * 1024 * 1024))
    with pytest.raises(DomainError, match="larger than"):
        services.submit_complaint(_unsaved(personas), attachments=[big])


def _unsaved(personas):
    return Complaint(channel="online", kind="complaint", complainant_name="李四", complainant_phone="13800001111",
                     employer_name=personas.enterprise_a.name, workers_count=1, amount_owed=Decimal("5000"),
                     description="欠薪")


def test_intake_is_audited_and_on_the_employers_file_without_the_complainant(personas):
    complaint = new_complaint(personas.chengguan_official, enterprise=personas.enterprise_a)
    assert AuditEvent.objects.filter(event="complaint_received", object_id=str(complaint.pk)).exists()
    entry = TimelineEntry.objects.get(enterprise=personas.enterprise_a, kind="complaint")
    assert "王" not in entry.title + entry.detail and "1391234" not in entry.title + entry.detail


def test_in_a_year_the_calendar_does_not_cover_the_complaint_is_taken_with_the_deadline_error(personas):
    complaint = new_complaint(None, enterprise=personas.enterprise_a,
                              now=timezone.make_aware(dt.datetime(2026, 12, 29, 9)))
    assert complaint.acceptance_deadline is None
    assert "2027" in complaint.deadline_error
    events.flush_independent()  # written outside the transaction, at the end of the request or task
    assert AuditEvent.objects.filter(event="calendar_not_covered", data__year=2027).exists()


def test_a_case_cannot_be_filed_into_an_uncovered_year_and_nothing_changes(personas):
    complaint = new_complaint(None, enterprise=personas.enterprise_a)
    with pytest.raises(services.DeadlineUnavailable, match="no holiday schedule for 2027"):
        services.decide_complaint(complaint, actor=personas.chengguan_inspector, decision="accepted",
                                  on=D(2026, 11, 26))
    complaint.refresh_from_db()
    assert complaint.status == "received" and complaint.case is None


def test_a_year_entered_by_the_city_lets_the_case_be_filed(personas):
    from core.models import CalendarOverride, CalendarYear

    CalendarYear.objects.create(year=2027, note="国办发明电〔2026〕")
    CalendarOverride.objects.create(date=D(2027, 1, 1), is_workday=False, note="元旦")
    complaint = new_complaint(None, enterprise=personas.enterprise_a)
    complaint = services.decide_complaint(complaint, actor=personas.chengguan_inspector, decision="accepted",
                                          on=D(2026, 11, 26))
    assert complaint.case.investigation_deadline.year == 2027
