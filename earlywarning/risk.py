"""Risk colours (domain.md §13, as on the Yiling map): a project's colour is its worst open warning; an
enterprise's is the worst over its own warnings and those of the projects it is general contractor of, at least
orange when graded C, red while on the joint-punishment list. None: no open warning and nothing else."""

import datetime as dt

from django.db.models import Case, IntegerField, Max, Q, Value, When

from blacklist import providers as blacklist_providers
from enterprises import facts as enterprise_facts
from enterprises.choices import Grade

from .models import Warning, WarningStatus
from .rules.base import LEVEL_ORDER, Level

RANK = Case(*[When(level=level, then=Value(level.rank)) for level in LEVEL_ORDER], output_field=IntegerField())


def _worst(rows) -> dict[int, Level]:
    return {key: LEVEL_ORDER[rank] for key, rank in rows if key is not None and rank is not None}


def worse(a: Level | None, b: Level | None) -> Level | None:
    if a is None or b is None:
        return a or b
    return a if a.rank >= b.rank else b


def project_colours(project_ids) -> dict[int, Level]:
    """{project id: worst open level} for the ids that have an open warning (one query)."""
    rows = (
        Warning.objects.filter(status=WarningStatus.OPEN, project_id__in=list(project_ids))
        .values("project_id")
        .annotate(worst=Max(RANK))
        .values_list("project_id", "worst")
    )
    return _worst(rows)


def enterprise_colours(enterprise_ids, on: dt.date) -> dict[int, Level | None]:
    """{enterprise id: colour} for every id asked for (None: no risk found)."""
    ids = list(enterprise_ids)
    open_rows = Warning.objects.filter(status=WarningStatus.OPEN)
    own = _worst(
        open_rows.filter(enterprise_id__in=ids)
        .values("enterprise_id")
        .annotate(worst=Max(RANK))
        .values_list("enterprise_id", "worst")
    )
    via_projects = _worst(
        open_rows.filter(Q(project__general_contractor_id__in=ids))
        .values("project__general_contractor_id")
        .annotate(worst=Max(RANK))
        .values_list("project__general_contractor_id", "worst")
    )
    graded_c = set(enterprise_facts.with_grade(ids, [Grade.C]))
    listed = blacklist_providers.listed_ids(ids, on)
    colours = {}
    for pk in ids:
        colour = worse(own.get(pk), via_projects.get(pk))
        if pk in graded_c:
            colour = worse(colour, Level.ORANGE)
        if pk in listed:
            colour = Level.RED
        colours[pk] = colour
    return colours
