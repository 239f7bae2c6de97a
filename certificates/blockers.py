"""What blocks a certificate or a commitment letter (domain.md §11.3): CHECKS, a plain table of check
functions by blocker code, each answering for a set of enterprises and a day the blockers it finds — the
refusal names every one. The city's policy picks the checks that apply (CertificatePolicy.blockers). The
checks read the apps below through their fact modules (cases.facts, blacklist.providers).

The red early warning (Anqing: no certificate for a red-card enterprise) is read from earlywarning.facts: an
open red warning on the enterprise or on a project it is general contractor of blocks.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _

from blacklist.models import ListingEntry
from blacklist.providers import recent_publications
from cases import facts as case_facts
from core import periods
from core.formats import yuan
from earlywarning import facts as warning_facts

from .choices import BlockerCode


@dataclass(frozen=True)
class Blocker:
    code: str
    label: str
    detail: str = ""
    ref: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def connected() -> list[str]:
    """The blocker codes that have a check (the policy page marks the others "not connected yet")."""
    return list(CHECKS)


def find(enterprises, on: dt.date, policy) -> dict[int, list[Blocker]]:
    """Every blocker per enterprise of the queryset, for the checks the policy applies."""
    found: dict[int, list[Blocker]] = {}
    for code in policy.blockers or []:
        check = CHECKS.get(code)
        if check is None:
            continue
        for enterprise_id, items in check(enterprises, on, policy).items():
            found.setdefault(enterprise_id, []).extend(items)
    return found


# --- the built-in checks ----------------------------------------------------------------------

def open_cases(enterprises, on, policy):

    found: dict[int, list[Blocker]] = {}
    for pk, enterprise_id, number, filed_on in case_facts.open_cases(enterprises, on):
        found.setdefault(enterprise_id, []).append(Blocker(
            BlockerCode.OPEN_CASE.value, str(BlockerCode.OPEN_CASE.label),
            _("Case %(number)s, filed %(day)s, is still open.") % {"number": number, "day": f"{filed_on:%Y-%m-%d}"},
            f"cases.case:{pk}"))
    return found


def unpaid_orders(enterprises, on, policy):
    """An order to pay was issued and the wages are not paid in full (whether the case is open or was
    closed with a penalty or court enforcement)."""
    found: dict[int, list[Blocker]] = {}
    for pk, enterprise_id, number, owed, recovered in case_facts.unpaid_order_cases(enterprises):
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


def red_warnings(enterprises, on, policy):

    found: dict[int, list[Blocker]] = {}
    for enterprise_id, rows in warning_facts.open_red(enterprises.values_list("pk", flat=True)).items():
        for row in rows:
            found.setdefault(enterprise_id, []).append(Blocker(
                BlockerCode.RED_WARNING.value, str(BlockerCode.RED_WARNING.label),
                _("Red warning %(rule)s, raised %(day)s, is open.") % {
                    "rule": row.rule, "day": f"{row.raised_on:%Y-%m-%d}"}, f"earlywarning.warning:{row.pk}"))
    return found


# check(enterprises queryset, on, policy) -> {enterprise id: [Blocker]}
CHECKS = {
    BlockerCode.OPEN_CASE: open_cases,
    BlockerCode.UNPAID_ORDER: unpaid_orders,
    BlockerCode.LISTED: listings,
    BlockerCode.PUBLICATION: publications,
    BlockerCode.RED_WARNING: red_warnings,
}
