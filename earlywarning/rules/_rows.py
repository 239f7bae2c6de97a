"""Hits made from the rows of a fact module, where several rules read rows of one shape."""

from .base import Hit, Subject


def deposit_hit(row, **fields) -> Hit:
    """A hit on the deposit of a deposits.facts row: its project's district, the general contractor, the
    project."""
    return Hit(
        subject=Subject.DEPOSIT,
        subject_id=row["pk"],
        district_id=row["project__district_id"],
        enterprise_id=row["enterprise_id"],
        project_id=row["project_id"],
        **fields,
    )
