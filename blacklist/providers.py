"""What other apps read from the list, through their provider registries (never a copied flag):

- enterprises.grading: a listing in force during the evaluation period, or today, is a binding C finding
  ("an enterprise on the list is at least C", domain.md §10.8);
- deposits.providers: the enterprises on the serious-dishonesty list on a day (65号 Art. 12: +100%);
- certificates.blockers reads listed_ids() and recent_publications() directly.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.duties import Duty
from enterprises.choices import CTrigger
from enterprises.grading import Finding

from .choices import ListingStatus


def listed_ids(enterprise_ids, on: dt.date) -> set[int]:
    """The enterprises among the ids whose listing is in force on the day."""
    from .models import ListingEntry

    return set(ListingEntry.objects.in_force(on).filter(enterprise_id__in=list(enterprise_ids))
               .values_list("enterprise_id", flat=True))


def recent_publications(enterprise_ids, since: dt.date) -> dict[int, list]:
    """{enterprise id: [(period, published date)]} of live major-violation publications since the day."""
    from .models import PublishedViolation

    found = defaultdict(list)
    rows = (PublishedViolation.objects.public().filter(enterprise_id__in=list(enterprise_ids),
                                                       batch__published_at__date__gte=since)
            .values_list("enterprise_id", "batch__period", "batch__published_at"))
    for enterprise_id, period, published_at in rows:
        found[enterprise_id].append((period, timezone.localtime(published_at).date()))
    return found


class GradingProvider:
    """enterprises.grading: a binding CTrigger.BLACKLISTED finding."""

    name = "blacklist"

    def findings(self, enterprises, start, end):

        from .models import ListingEntry

        until = max(end, timezone.localdate())
        rows = (ListingEntry.objects.filter(enterprise__in=enterprises.values("pk"), listed_on__isnull=False,
                                            listed_on__lte=until, expires_on__gt=start)
                .filter(Q(status__in=ListingStatus.in_force()) | Q(ended_on__gt=start))
                .values_list("pk", "enterprise_id", "listed_on", "decision_number"))
        result = defaultdict(list)
        for pk, enterprise_id, listed_on, number in rows:
            result[enterprise_id].append(Finding(
                code=CTrigger.BLACKLISTED.value, source=self.name, ref=f"blacklist.listingentry:{pk}", binding=True,
                label=_("%(day)s on the joint-punishment list (%(number)s)") % {"day": f"{listed_on:%Y-%m-%d}",
                                                                              "number": number}))
        return result


class DepositProvider:
    """deposits.providers: the serious-dishonesty list."""

    name = "blacklist"
    label = gettext_lazy("joint-punishment list")

    def listed(self, enterprise_ids, on):
        return listed_ids(enterprise_ids, on)


# --- dated duties, city-wide, for the deadline reminders ----------------------------------------------

def _duties(entries, date_field: str) -> list[Duty]:
    rows = entries.values_list("pk", "enterprise__name", "district_id", date_field, "enterprise_id")
    return [Duty(pk, name, district_id, due_on, reverse("blacklist:detail", args=[pk]), enterprise_id)
            for pk, name, district_id, due_on, enterprise_id in rows]


def objections_closing(due_by: dt.date):
    """Entries whose prior notice was served and whose objection period (45号, statement and defence) ends
    on or before `due_by`: the enterprise may still state its case, the district decides after it. One query."""
    from .models import ListingEntry

    return _duties(ListingEntry.objects.filter(status=ListingStatus.NOTIFIED, objection_deadline__lte=due_by),
                   "objection_deadline")


def listings_expiring(today: dt.date, until: dt.date):
    """Listings in force today whose term (45号) ends on or before `until` (expires_on is the first
    day the listing no longer applies). One query."""
    from .models import ListingEntry

    return _duties(ListingEntry.objects.in_force(today).filter(expires_on__lte=until), "expires_on")
