"""What other apps may read from the employer registry: plain functions answering one set-based question over
the whole city (docs/architecture.md, "One contract between apps"). The early-warning rules and the inspections
app read these; each function says who asks.

A function that answers for a user scopes through visible_to; one without a user answers a rule that holds
city-wide and is called only by a service that checked its actor.
"""

from kernel.roles import Action

from .choices import EnterpriseStatus
from .models import Enterprise

__all__ = ["enterprises_visible_to", "names", "spot_check_targets", "with_grade"]


def with_grade(enterprise_ids, grades) -> dict[int, str]:
    """W23: {enterprise id: grade} of the enterprises among the ids whose confirmed credit grade in force
    (Enterprise.grade, kept by enterprises.grading.confirm_grade) is one of `grades` (one query)."""
    return dict(
        Enterprise.objects.filter(pk__in=list(enterprise_ids), grade__in=list(grades)).values_list("pk", "grade")
    )


def names(enterprise_ids) -> dict[int, str]:
    """{enterprise id: name} (one query), for the evidence of a warning."""
    return dict(Enterprise.objects.filter(pk__in=list(enterprise_ids)).values_list("pk", "name"))


def enterprises_visible_to(user, action=Action.VIEW):
    """Inspections (recusal form): the enterprises the user may `action`, as a queryset, by name."""
    return Enterprise.objects.visible_to(user, action).order_by("name", "pk")


def spot_check_targets(district_ids=None) -> list[dict]:
    """Inspections: the subject register of a double-random draw (检查对象名录库, domain.md §8 item 5): every
    employer not deregistered, in the given districts (all when None), as {"id", "district" (division code),
    "grade" (A, B, C, or "" when not graded)}, sorted by id."""
    qs = Enterprise.objects.exclude(status=EnterpriseStatus.DEREGISTERED)
    if district_ids is not None:
        qs = qs.filter(district_id__in=list(district_ids))
    return [
        {"id": pk, "district": code, "grade": grade or ""}
        for pk, code, grade in qs.order_by("pk").values_list("pk", "district__code", "grade")
    ]
