"""The staffing rule at its boundaries, the policy in force, and the report per district."""

import datetime as dt

import pytest

from inspections import rules
from inspections.choices import InspectorKind
from inspections.models import InspectionPolicy

from .factories import InspectorFactory


@pytest.mark.parametrize(
    ("population", "required"),
    [
        (1_000_001, 16),
        (1_000_000, 10),
        (999_999, 10),
        (400_000, 10),
        (399_999, 6),
        (0, 6),
        (None, None),
    ],
)
def test_thresholds_at_the_boundaries(population, required):
    assert rules.required_full_time(population) == required


@pytest.mark.django_db
def test_the_city_sets_the_middle_band_and_the_policy_in_force_decides(chengguan):
    from inspections.services import policy_in_force

    assert policy_in_force(dt.date(2026, 1, 1)).required_full_time(500_000) == rules.STAFFING_MIDDLE_MIN
    InspectionPolicy.objects.create(effective_from=dt.date(2026, 1, 1), middle_min=12)
    assert policy_in_force(dt.date(2026, 1, 1)).required_full_time(500_000) == 12
    assert policy_in_force(dt.date(2025, 12, 31)).required_full_time(500_000) == rules.STAFFING_MIDDLE_MIN
    assert policy_in_force(dt.date(2026, 1, 1)).required_full_time(1_000_000) == 12


@pytest.mark.django_db
def test_report_counts_valid_full_time_inspectors_and_the_gap(login, personas, chengguan, qilihe):
    from inspections.services import staffing_report

    chengguan.population = 1_000_001
    chengguan.save()
    InspectorFactory.create_batch(3, district=chengguan)
    InspectorFactory(district=chengguan, certificate_expires_on=dt.date(2020, 1, 1))  # expired: not counted
    InspectorFactory(district=chengguan, active=False)
    InspectorFactory(
        district=chengguan,
        kind=InspectorKind.GRID_ASSISTANT,
        certificate_number="",
        certificate_expires_on=None,
        grid_area="东岗网格",
    )
    report = staffing_report(personas.chengguan_official)
    assert [r["district"] for r in report["rows"]] == [chengguan]
    row = report["rows"][0]
    assert (row["required"], row["full_time"], row["gap"], row["assistants"]) == (16, 3, 13, 1)
    city = {r["district"]: r for r in staffing_report(personas.city_admin)["rows"]}
    assert qilihe in city and city[chengguan]["gap"] == 13

    client = login(personas.chengguan_official)
    assert client.get("/inspections/staffing/").status_code == 200
    assert client.get("/inspections/staffing/?export=xlsx")["Content-Type"].startswith("application/vnd")
    assert login(personas.enterprise_a_user).get("/inspections/staffing/").status_code == 403
