"""Grade-based supervision as data: seeded Lanzhou defaults, versions by effective date, city admins only."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from enterprises.choices import C_MIN_WRITTEN_REVIEWS
from enterprises.models import SupervisionPolicy
from enterprises.services import set_supervision_policy
from kernel.errors import DomainError


def test_the_lanzhou_defaults_are_seeded(db):
    policies = {p.grade: p for p in SupervisionPolicy.objects.in_force()}
    assert set(policies) == {"A", "B", "C"}
    assert not policies["A"].in_annual_plan
    assert policies["B"].in_annual_plan
    assert policies["B"].routine_patrols_per_year > policies["A"].routine_patrols_per_year
    c = policies["C"]
    assert c.in_annual_plan and c.key_monitoring and c.joint_punishment_notice
    assert c.written_reviews_per_year >= C_MIN_WRITTEN_REVIEWS
    assert c.sampling_weight > policies["B"].sampling_weight > policies["A"].sampling_weight


def _new(grade="B", start=dt.date(2027, 1, 1), reviews=1):
    return SupervisionPolicy(grade=grade, effective_from=start, routine_patrols_per_year=3,
                             written_reviews_per_year=reviews, in_annual_plan=True, sampling_weight="2.5")


def test_a_new_version_closes_the_previous_one(personas):
    set_supervision_policy(_new(), actor=personas.city_admin)
    old = SupervisionPolicy.objects.get(grade="B", effective_from=dt.date(2017, 1, 1))
    assert old.effective_to == dt.date(2026, 12, 31)
    assert SupervisionPolicy.objects.in_force(dt.date(2026, 12, 31)).get(grade="B") == old
    assert SupervisionPolicy.objects.in_force(dt.date(2027, 1, 1)).get(grade="B").routine_patrols_per_year == 3
    assert AuditEvent.objects.filter(event="object_created", object_type="enterprises.supervisionpolicy").exists()


def test_grade_c_needs_at_least_two_written_reviews(personas):
    with pytest.raises(ValidationError):  # the model's own check (SupervisionPolicy.clean)
        set_supervision_policy(_new("C", reviews=1), actor=personas.city_admin)


def test_a_version_may_not_start_before_an_existing_one(personas):
    set_supervision_policy(_new(), actor=personas.city_admin)
    with pytest.raises(DomainError):
        set_supervision_policy(_new(start=dt.date(2026, 6, 1)), actor=personas.city_admin)


@pytest.mark.parametrize("persona", ["chengguan_official", "chengguan_inspector", "city_leader", "enterprise_a_user"])
def test_only_city_admins_change_policies(personas, login, persona):
    user = getattr(personas, persona)
    with pytest.raises(PermissionDenied):
        set_supervision_policy(_new(), actor=user)
    assert login(user).get(reverse("enterprises:policy-create")).status_code == 403


def test_the_policy_page_creates_a_version(personas, login):
    client = login(personas.city_admin)
    source = SupervisionPolicy.objects.get(grade="C")
    assert client.get(reverse("enterprises:policy-create"), {"from": source.pk}).context["form"].initial["grade"] == "C"
    response = client.post(reverse("enterprises:policy-create"), {
        "grade": "C", "effective_from": "2027-01-01", "routine_patrols_per_year": 6, "written_reviews_per_year": 1,
        "sampling_weight": "5"})
    assert response.status_code == 200 and "written_reviews_per_year" in response.context["form"].errors
    response = client.post(reverse("enterprises:policy-create"), {
        "grade": "C", "effective_from": "2027-01-01", "routine_patrols_per_year": 6, "written_reviews_per_year": 4,
        "in_annual_plan": "on", "key_monitoring": "on", "sampling_weight": "5"})
    assert response.status_code == 302
    assert SupervisionPolicy.objects.filter(grade="C").count() == 2
