"""What other apps may read from the early-warning engine (certificates: a red warning blocks the no-arrears
certificate). Plain functions, one set-based query each; the readers import this module, never the models."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from .models import Warning, WarningStatus
from .rules.base import Level

__all__ = ["RedWarning", "has_open_red", "open_red"]


@dataclass(frozen=True)
class RedWarning:
    pk: int
    enterprise_id: int
    rule: str
    raised_on: dt.date


def open_red(enterprise_ids) -> dict[int, list[RedWarning]]:
    """{enterprise id: its open red warnings}, its own and those on projects it is general contractor of."""
    ids = list(enterprise_ids)
    rows = (
        Warning.objects.filter(status=WarningStatus.OPEN, level=Level.RED)
        .filter(Q(enterprise_id__in=ids) | Q(project__general_contractor_id__in=ids))
        .values_list("pk", "enterprise_id", "project__general_contractor_id", "rule", "raised_on")
    )
    wanted = set(ids)
    found: dict[int, list[RedWarning]] = {}
    for pk, enterprise_id, contractor_id, rule, raised_on in rows:
        for owner in {enterprise_id, contractor_id} & wanted:
            found.setdefault(owner, []).append(RedWarning(pk, owner, rule, raised_on))
    return found


def has_open_red(enterprise_ids) -> set[int]:
    """The enterprises among the ids with an open red warning."""
    return set(open_red(enterprise_ids))
