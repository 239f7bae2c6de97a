"""Demo and scale data: valid codes, nine districts, the Lanzhou grade mix, grades through the service."""

from django.core.management import call_command

from audit.models import AuditEvent
from enterprises import generator
from enterprises.models import CreditGrade, Enterprise, TimelineEntry
from enterprises.validators import validate_credit_code


def test_the_grade_mix_follows_lanzhou():
    assert generator.grade_mix(35_000) == {"A": 4176, "B": 3197, "C": 104}
    assert generator.grade_mix(350) == {"A": 42, "B": 32, "C": 1}


def test_seed_enterprises_at_scale_grades_through_the_service(db, year):
    call_command("seed_enterprises", "--scale", "400")
    assert Enterprise.objects.count() == 400
    for code in Enterprise.objects.values_list("credit_code", flat=True)[:50]:
        validate_credit_code(code)
    assert Enterprise.objects.values("district").distinct().count() == 9
    confirmed = CreditGrade.objects.filter(status="confirmed", year=year)
    assert {g: confirmed.filter(grade=g).count() for g in "ABC"} == generator.grade_mix(400)
    assert Enterprise.objects.exclude(grade="").count() == confirmed.count()
    assert AuditEvent.objects.filter(event="credit_grade_confirmed").count() == confirmed.count()
    assert TimelineEntry.objects.filter(kind="registered").count() == 400
    call_command("seed_enterprises", "--scale", "400")  # nothing more to do
    assert Enterprise.objects.count() == 400


def test_seed_enterprises_tops_up_to_the_scale(db):
    call_command("seed_enterprises", "--scale", "50")
    call_command("seed_enterprises", "--scale", "80")
    assert Enterprise.objects.count() == 80


def test_seed_demo_is_idempotent_and_grades_through_the_service(db, year):
    call_command("seed_demo")
    count, grades = Enterprise.objects.count(), CreditGrade.objects.count()
    assert count > 100 and grades > 0
    assert not CreditGrade.objects.exclude(status="confirmed").exists()
    assert Enterprise.objects.get(name="七里河路桥工程有限公司").grade == "C"
    assert Enterprise.objects.get(name="甘肃金城劳务分包有限公司").grade == "B"
    call_command("seed_demo")
    assert (Enterprise.objects.count(), CreditGrade.objects.count()) == (count, grades)
