"""What other apps may read from the employer registry: plain functions answering one set-based question over
the whole city (docs/architecture.md, "One contract between apps"). The early-warning rules read these; each
function says which rule asks.
"""

from .models import Enterprise

__all__ = ["names", "with_grade"]


def with_grade(enterprise_ids, grades) -> dict[int, str]:
    """W23: {enterprise id: grade} of the enterprises among the ids whose confirmed credit grade in force
    (Enterprise.grade, kept by enterprises.grading.confirm_grade) is one of `grades` (one query)."""
    return dict(
        Enterprise.objects.filter(pk__in=list(enterprise_ids), grade__in=list(grades)).values_list("pk", "grade")
    )


def names(enterprise_ids) -> dict[int, str]:
    """{enterprise id: name} (one query), for the evidence of a warning."""
    return dict(Enterprise.objects.filter(pk__in=list(enterprise_ids)).values_list("pk", "name"))
