"""What blocks a certificate or a commitment letter (domain.md §11.3), as data: each check is a named
provider that answers, for a set of enterprises and a day, the blockers it finds — the refusal names every
one. The city's policy picks the checks that apply (CertificatePolicy.blockers).

The red early warning (Anqing: no certificate for a red-card enterprise) comes with the early-warning
issue: that app registers a provider under BlockerCode.RED_WARNING with register(); until then the check
is simply not connected (and listed as such on the policy page), never faked.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from blacklist.models import ListingEntry
from blacklist.providers import recent_publications
from cases.choices import CaseOutcome, CaseStatus
from cases.models import Case
from core import periods
from core.formats import yuan

from .choices import BlockerCode


@dataclass(frozen=True)
class Blocker:
    code: str
    label: str
    detail: str = ""
    ref: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


_PROVIDERS: dict[str, object] = {}


def register(code: str, check) -> None:
    """Plug a check in: check(enterprises queryset, on, policy) -> {enterprise id: [Blocker]}."""
    _PROVIDERS[code] = check


def connected() -> list[str]:
    return list(_PROVIDERS)


def find(enterprises, on: dt.date, policy) -> dict[int, list[Blocker]]:
    """Every blocker per enterprise of the queryset, for the checks the policy applies."""
    found: dict[int, list[Blocker]] = {}
    for code in policy.blockers or []:
        check = _PROVIDERS.get(code)
        if check is None:
            continue
        for enterprise_id, items in check(enterprises, on, policy).items():
            found.setdefault(enterprise_id, []).extend(items)
    return found


# --- the built-in checks ----------------------------------------------------------------------

def open_cases(enterprises, on, policy):

    found: dict[int, list[Blocker]] = {}
    rows = (Case.objects.filter(enterprise__in=enterprises.values("pk"), status__in=CaseStatus.open(),
                                filed_on__lte=on).values_list("pk", "enterprise_id", "number", "filed_on"))
    for pk, enterprise_id, number, filed_on in rows:
        found.setdefault(enterprise_id, []).append(Blocker(
            BlockerCode.OPEN_CASE.value, str(BlockerCode.OPEN_CASE.label),
            _("Case %(number)s, filed %(day)s, is still open.") % {"number": number, "day": f"{filed_on:%Y-%m-%d}"},
            f"cases.case:{pk}"))
    return found


def unpaid_orders(enterprises, on, policy):
    """An order to pay was issued and the wages are not paid in full (whether the case is open or was
    closed with a penalty or court enforcement)."""
    from django.db.models import F


    found: dict[int, list[Blocker]] = {}
    rows = (Case.objects.filter(enterprise__in=enterprises.values("pk"), orders__isnull=False,
                                recovered_amount__lt=F("amount_owed"))
            .exclude(status__in=[CaseStatus.COMPLIED, CaseStatus.WITHDRAWN])
            .exclude(outcome__in=[CaseOutcome.RECTIFIED, CaseOutcome.NO_VIOLATION])
            .values_list("pk", "enterprise_id", "number", "amount_owed", "recovered_amount").distinct())
    for pk, enterprise_id, number, owed, recovered in rows:
        found.setdefault(enterprise_id, []).append(Blocker(
            BlockerCode.UNPAID_ORDER.value, str(BlockerCode.UNPAID_ORDER.label),
            _("Case %(number)s: %(amount)s ordered to be paid is still unpaid.") % {
                "number": number, "amount": yuan(owed - recovered)}, f"cases.case:{pk}"))
    return found


def listings(enterprises, on, policy):

    found: dict[int, list[Blocker]] = {}
    rows = (ListingEntry.objects.in_force(on).filter(enterprise__in=enterprises.values("pk"))
            .values_list("pk", "enterprise_id", "decision_number", "expires_on"))
    for pk, enterprise_id, number, expires_on in rows:
        last_day = expires_on - dt.timedelta(days=1)  # expires_on: the first day it no longer applies
        found.setdefault(enterprise_id, []).append(Blocker(
            BlockerCode.LISTED.value, str(BlockerCode.LISTED.label),
            _("Decision %(number)s, listed until %(day)s.") % {"number": number, "day": f"{last_day:%Y-%m-%d}"},
            f"blacklist.listingentry:{pk}"))
    return found


def publications(enterprises, on, policy):

    since = periods.earliest_start_running_on(on, months=policy.publication_months)
    found: dict[int, list[Blocker]] = {}
    ids = list(enterprises.values_list("pk", flat=True))
    for enterprise_id, rows in recent_publications(ids, since).items():
        for period, published_on in rows:
            found.setdefault(enterprise_id, []).append(Blocker(
                BlockerCode.PUBLICATION.value, str(BlockerCode.PUBLICATION.label),
                _("Published in %(period)s on %(day)s (the last %(n)d months count).") % {
                    "period": period, "day": f"{published_on:%Y-%m-%d}", "n": policy.publication_months}))
    return found


def register_builtin() -> None:
    register(BlockerCode.OPEN_CASE, open_cases)
    register(BlockerCode.UNPAID_ORDER, unpaid_orders)
    register(BlockerCode.LISTED, listings)
    register(BlockerCode.PUBLICATION, publications)
