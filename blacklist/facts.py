"""What other apps may read from the joint-punishment list (人社部令第45号) and the publication of major violations
(人社部令第29号): plain functions answering one set-based question over the whole city (docs/architecture.md,
"One contract between apps"). The apps above the list (certificates, early warning) import this module, never
blacklist.models; the apps below it read the list through their registries, which blacklist.providers fills from
these functions.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.duties import Duty

from .choices import ListingStatus
from .models import ListingEntry, PublishedViolation

__all__ = [
    "listed_ids",
    "listings_expiring",
    "listings_in_force",
    "listings_to_act_on",
    "objections_closing",
    "recent_publications",
]

LISTING = ("pk", "enterprise_id", "district_id", "decision_number", "listed_on", "expires_on")


def listed_ids(enterprise_ids, on: dt.date) -> set[int]:
    """The enterprises among the ids whose listing is in force on the day."""
    return set(
        ListingEntry.objects.in_force(on)
        .filter(enterprise_id__in=list(enterprise_ids))
        .values_list("enterprise_id", flat=True)
    )


def listings_in_force(enterprise_ids, on: dt.date) -> dict[int, list[dict]]:
    """W23: {enterprise id: [listing rows]} of the listings in force on the day among the enterprises (one
    query). Rows: pk, enterprise_id, district_id, decision_number, listed_on, expires_on."""
    found = defaultdict(list)
    for row in (
        ListingEntry.objects.in_force(on).filter(enterprise_id__in=list(enterprise_ids)).order_by("pk").values(*LISTING)
    ):
        found[row["enterprise_id"]].append(row)
    return dict(found)


def listings_to_act_on(expires_by: dt.date) -> list[dict]:
    """W24: listings that bind (listed, or early removal requested) and either expire on or before `expires_by`
    (ListingEntry.expires_on: the first day the listing no longer applies; already past when the expiry task has
    not run yet) or wait for the decision on an early removal, whose conditions the request checked (paid in
    full, the months since payment passed, the integrity commitment signed; one query). Rows: pk,
    enterprise_id, district_id, decision_number, listed_on, expires_on, status, corrected_on,
    commitment_signed_on, removal_requested_on, removal_decision_due."""
    return list(
        ListingEntry.objects.filter(status__in=ListingStatus.in_force())
        .filter(Q(expires_on__lte=expires_by) | Q(status=ListingStatus.REMOVAL_REQUESTED))
        .order_by("pk")
        .values(
            *LISTING, "status", "corrected_on", "commitment_signed_on", "removal_requested_on", "removal_decision_due"
        )
    )


def recent_publications(enterprise_ids, since: dt.date) -> dict[int, list]:
    """{enterprise id: [(period, published date)]} of live major-violation publications since the day."""
    found = defaultdict(list)
    rows = (
        PublishedViolation.objects.public()
        .filter(enterprise_id__in=list(enterprise_ids), batch__published_at__date__gte=since)
        .values_list("enterprise_id", "batch__period", "batch__published_at")
    )
    for enterprise_id, period, published_at in rows:
        found[enterprise_id].append((period, timezone.localtime(published_at).date()))
    return found


# --- dated duties, city-wide, for the deadline reminders ----------------------------------------------


def _duties(entries, date_field: str) -> list[Duty]:
    rows = entries.values_list("pk", "enterprise__name", "district_id", date_field, "enterprise_id")
    return [Duty(pk, name, district_id, due_on, reverse("blacklist:detail", args=[pk]), enterprise_id)
            for pk, name, district_id, due_on, enterprise_id in rows]


def objections_closing(due_by: dt.date) -> list[Duty]:
    """Entries whose prior notice was served and whose objection period (45号, statement and defence) ends
    on or before `due_by`: the enterprise may still state its case, the district decides after it. One query."""
    return _duties(ListingEntry.objects.filter(status=ListingStatus.NOTIFIED, objection_deadline__lte=due_by),
                   "objection_deadline")


def listings_expiring(today: dt.date, until: dt.date) -> list[Duty]:
    """Listings in force today whose term (45号) ends on or before `until` (expires_on is the first
    day the listing no longer applies). One query."""
    return _duties(ListingEntry.objects.in_force(today).filter(expires_on__lte=until), "expires_on")
