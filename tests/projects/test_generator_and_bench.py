"""The scale generator and the benchmark module, at a tiny size."""

import pytest

from projects import generator
from projects.models import Attendance, Employment, PayrollBatch, PayrollLine, Project, Worker

pytestmark = pytest.mark.django_db


def test_generator_writes_consistent_rows(personas):
    from tests.factories import EnterpriseFactory

    EnterpriseFactory(kind="client")
    counts = generator.generate(3, 4, 2, seed=1)
    assert counts == {"projects": 3, "workers": 12, "payroll_lines": 24, "attendance": 24}
    assert Project.objects.filter(code__startswith="GEN").count() == 3
    assert Worker.objects.count() == Employment.objects.count() == 12
    assert PayrollBatch.objects.count() == 6 and PayrollLine.objects.count() == 24
    # Attendance for every payroll line, with the same days: the attendance rules find nothing to warn about.
    assert Attendance.objects.count() == 24
    days = {(line.employment_id, line.batch.month): line.days_worked
            for line in PayrollLine.objects.select_related("batch")}
    assert {(a.employment_id, a.month): a.days_on_site for a in Attendance.objects.all()} == days
    record = Attendance.objects.first()
    assert record.source == "gate_import" and record.recorded_at is not None
    worker = Worker.objects.first()
    assert len(worker.id_number) == 18 and Worker.objects.search(worker.id_number).get() == worker
    # The sequences moved past the copied ids: the ORM can add rows afterwards.
    Project.objects.create(code="AFTER", name="x", district=personas.chengguan_official.district,
                           client=personas.enterprise_a, general_contractor=personas.enterprise_a,
                           contract_amount=1)
    assert set(Project.objects.with_compliance_problems().values_list("code", flat=True)) <= {"AFTER"} | set(
        Project.objects.values_list("code", flat=True))


def test_bench_runs_at_a_tiny_size(personas):
    from benchmarks import bench_projects

    personas.city_admin.is_superuser = True
    personas.city_admin.save()
    lines = list(bench_projects.run(rows=50, projects=3, workers=2, months=1, requests=2))
    assert lines[0].startswith("payroll import 50 rows") and "status done" in lines[0]
    assert any("project list API page 1" in line and "queries" in line for line in lines)
