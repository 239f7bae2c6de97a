"""What other apps read from the list, through their provider registries (never a copied flag):

- enterprises.grading: a listing in force during the evaluation period, or today, is a binding C finding
  ("an enterprise on the list is at least C", domain.md §10.8);
- deposits.providers: the enterprises on the serious-dishonesty list on a day (65号 Art. 12: +100%);
- certificates.blockers reads listed_ids() and recent_publications(), which live in blacklist.facts (the list's
  fact module) and are named here too for the readers of this module.
"""

from collections import defaultdict

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enterprises.choices import CTrigger
from enterprises.grading import Finding

from .choices import ListingStatus
from .facts import listed_ids, recent_publications

__all__ = ["DepositProvider", "GradingProvider", "listed_ids", "recent_publications"]


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

