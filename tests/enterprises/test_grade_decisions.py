"""Proposals, the annual batch run, confirmation (with audit, timeline and previous grade) and rejection."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from audit.models import AuditEvent
from enterprises import grading, tasks
from enterprises.choices import CTrigger, Grade, GradeStatus
from enterprises.models import CreditGrade, Enterprise, TimelineEntry
from kernel.errors import DomainError
from tests.factories import EnterpriseFactory, ViolationFactory


@pytest.fixture
def proposals(personas, year):
    """Open proposals for enterprise A (Chengguan, grade B) and B (Qilihe, grade A)."""
    ViolationFactory(enterprise=personas.enterprise_a)
    grading.propose_grades(Enterprise.objects.all(), year, actor=personas.city_admin)
    return (CreditGrade.objects.get(enterprise=personas.enterprise_a),
            CreditGrade.objects.get(enterprise=personas.enterprise_b))


def test_the_batch_run_proposes_a_grade_for_every_active_enterprise(personas, year):
    EnterpriseFactory(status="deregistered")
    result = grading.propose_grades(Enterprise.objects.all(), year)
    assert result.created == 2
    assert CreditGrade.objects.filter(status=GradeStatus.PROPOSED).count() == 2
    assert AuditEvent.objects.filter(event="credit_grades_proposed", data__created=2).exists()


def test_running_the_batch_again_refreshes_open_proposals(personas, year, proposals):
    ViolationFactory(enterprise=personas.enterprise_b, serious=True)
    result = grading.propose_grades(Enterprise.objects.all(), year)
    assert (result.created, result.updated) == (0, 2)
    assert CreditGrade.objects.get(enterprise=personas.enterprise_b).grade == Grade.C


def test_the_batch_skips_enterprises_already_confirmed_for_the_year(personas, year, proposals):
    grading.confirm_grades([proposals[0].pk], actor=personas.city_admin)
    result = grading.propose_grades(Enterprise.objects.all(), year)
    assert (result.skipped, result.updated) == (1, 1)


def test_the_task_runs_the_batch_in_the_actors_scope(personas, year):
    result = tasks.propose_annual_grades(year, personas.chengguan_official.pk)
    assert result["created"] == 1
    assert CreditGrade.objects.get().enterprise == personas.enterprise_a


def test_the_task_without_actor_grades_the_whole_city(personas, year):
    assert tasks.propose_annual_grades(year)["created"] == 2


def test_confirmation_sets_the_grade_and_records_who_when_and_the_previous_grade(personas, proposals):
    grade_a, _ = proposals
    official = personas.chengguan_official
    assert grading.confirm_grades([grade_a.pk], actor=official, note="年度评价") == 1
    grade_a.refresh_from_db()
    personas.enterprise_a.refresh_from_db()
    assert grade_a.status == GradeStatus.CONFIRMED
    assert grade_a.decided_by == official and grade_a.decided_at is not None
    assert grade_a.previous_grade == ""
    assert personas.enterprise_a.grade == Grade.B
    assert grade_a.history.latest().history_user == official


def test_confirmation_writes_an_audit_event_and_a_timeline_entry(personas, proposals):
    grade_a, _ = proposals
    grading.confirm_grades([grade_a.pk], actor=personas.chengguan_official)
    event = AuditEvent.objects.get(event="credit_grade_confirmed")
    assert event.actor == personas.chengguan_official
    assert event.object_id == str(grade_a.pk)
    assert event.district == personas.enterprise_a.district
    assert event.data["grade"] == "B" and event.data["previous"] == ""
    entry = TimelineEntry.objects.get(enterprise=personas.enterprise_a, kind="grade")
    assert entry.object_id == str(grade_a.pk)
    assert "B" in entry.title


def test_a_second_year_records_the_previous_grade(personas, proposals, year):
    grading.confirm_grades([proposals[0].pk], actor=personas.city_admin)
    ViolationFactory.create_batch(3, enterprise=personas.enterprise_a)
    grade = grading.propose_grade(personas.enterprise_a, year, actor=personas.city_admin)
    grading.confirm_grade(grade, actor=personas.city_admin)
    grade.refresh_from_db()
    assert (grade.previous_grade, grade.grade) == ("B", "C")
    assert "was B" in TimelineEntry.objects.filter(kind="grade").first().title


def test_another_districts_official_cannot_confirm(personas, proposals):
    assert grading.confirm_grades([proposals[0].pk], actor=personas.qilihe_official) == 0
    with pytest.raises(PermissionDenied):
        grading.confirm_grade(proposals[0], actor=personas.qilihe_official)
    assert not AuditEvent.objects.filter(event="credit_grade_confirmed").exists()


@pytest.mark.parametrize("persona", ["chengguan_inspector", "chengguan_grid", "city_leader", "enterprise_a_user",
                                     "api_client"])
def test_roles_without_approve_cannot_confirm(personas, proposals, persona):
    assert grading.confirm_grades([proposals[0].pk], actor=getattr(personas, persona)) == 0
    proposals[0].refresh_from_db()
    assert proposals[0].status == GradeStatus.PROPOSED


def test_a_different_grade_needs_a_note(personas, proposals):
    with pytest.raises(DomainError):
        grading.confirm_grade(proposals[0], actor=personas.city_admin, final="A")
    grade = grading.confirm_grade(proposals[0], actor=personas.city_admin, final="A", note="复议撤销处罚")
    assert (grade.proposed_grade, grade.grade) == ("B", "A")


def test_a_binding_finding_keeps_the_grade_at_c(personas, proposals):
    grade = proposals[1]
    grade.reasons = [{"code": CTrigger.BLACKLISTED, "label": "listed", "binding": True}]
    grade.grade = grade.proposed_grade = "C"
    grade.save()
    with pytest.raises(DomainError):
        grading.confirm_grade(grade, actor=personas.city_admin, final="B", note="x")


def test_rejecting_keeps_the_grade_and_is_audited(personas, proposals):
    with pytest.raises(DomainError):
        grading.reject_grade(proposals[0], actor=personas.city_admin, reason=" ")
    grading.reject_grade(proposals[0], actor=personas.chengguan_official, reason="处罚已撤销")
    proposals[0].refresh_from_db()
    personas.enterprise_a.refresh_from_db()
    assert proposals[0].status == GradeStatus.REJECTED
    assert personas.enterprise_a.grade == ""
    assert AuditEvent.objects.filter(event="credit_grade_rejected", actor=personas.chengguan_official).exists()


def test_bulk_confirmation_through_the_page(personas, proposals, login):
    response = login(personas.city_admin).post(reverse("enterprises:grades-confirm"),
                                               {"ids": [g.pk for g in proposals], "note": "批量确认"})
    assert response.status_code == 302
    assert CreditGrade.objects.filter(status=GradeStatus.CONFIRMED).count() == 2
    assert AuditEvent.objects.filter(event="credit_grade_confirmed").count() == 2


def test_confirm_all_matching_the_filters_stays_in_the_officials_district(personas, proposals, login):
    response = login(personas.chengguan_official).post(reverse("enterprises:grades-confirm"),
                                                       {"all": "1", "filters": "grade=B"})
    assert response.status_code == 302
    assert list(CreditGrade.objects.filter(status=GradeStatus.CONFIRMED)) == [proposals[0]]


def test_an_inspector_may_not_post_confirmations(personas, proposals, login):
    response = login(personas.chengguan_inspector).post(reverse("enterprises:grades-confirm"),
                                                        {"ids": [proposals[0].pk]})
    assert response.status_code == 403


def test_the_grade_page_confirms_with_a_different_grade_and_note(personas, proposals, login):
    client = login(personas.chengguan_official)
    url = reverse("enterprises:grade-detail", args=[proposals[0].pk])
    response = client.post(url, {"action": "confirm", "grade": "A", "note": ""})
    assert response.status_code == 200
    assert "Give the reason" in response.content.decode()
    response = client.post(url, {"action": "confirm", "grade": "A", "note": "处罚被撤销"})
    assert response.status_code == 302
    personas.enterprise_a.refresh_from_db()
    assert personas.enterprise_a.grade == "A"


def test_the_grade_page_rejects(personas, proposals, login):
    url = reverse("enterprises:grade-detail", args=[proposals[0].pk])
    response = login(personas.city_admin).post(url, {"action": "reject", "reason": "记录有误"})
    assert response.status_code == 302
    proposals[0].refresh_from_db()
    assert proposals[0].status == GradeStatus.REJECTED


def test_proposing_from_the_enterprise_page(personas, login, year):
    response = login(personas.chengguan_inspector).post(
        reverse("enterprises:grade-propose", args=[personas.enterprise_a.pk]))
    grade = CreditGrade.objects.get(enterprise=personas.enterprise_a, year=year)
    assert response.status_code == 302 and response.url == reverse("enterprises:grade-detail", args=[grade.pk])


def test_the_run_button_queues_the_task(personas, login, year, django_capture_on_commit_callbacks, monkeypatch):
    calls = []
    monkeypatch.setattr(tasks.propose_annual_grades, "delay", lambda *args: calls.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        response = login(personas.chengguan_official).post(reverse("enterprises:grades-run"), {"year": year})
    assert response.status_code == 302
    assert calls == [(year, personas.chengguan_official.pk)]


def test_a_deregistered_enterprise_is_not_graded(personas, login, year):
    enterprise = EnterpriseFactory(status="deregistered")
    with pytest.raises(DomainError):
        grading.propose_grade(enterprise, year, actor=personas.city_admin)
    response = login(personas.city_admin).post(reverse("enterprises:grade-propose", args=[enterprise.pk]))
    assert response.status_code == 302 and response.url == enterprise.get_absolute_url()
    assert not CreditGrade.objects.filter(enterprise=enterprise).exists()


def test_text_on_the_file_is_stored_in_the_bureaus_language(personas, proposals, settings):
    from django.utils import translation
    from django.utils.translation import gettext

    settings.LANGUAGE_CODE = "zh-hans"  # the bureau's language; the user's screen stays English
    grading.confirm_grades([proposals[0].pk], actor=personas.city_admin)
    with translation.override("zh-hans"):
        expected = gettext("Credit grade %(year)d: %(grade)s") % {"year": proposals[0].year, "grade": "B"}
    assert TimelineEntry.objects.get(kind="grade").title == expected
