"""The cases app's facts for the credit grading (enterprises.grading, 人社部规〔2016〕1号, domain.md §10):

- a case closed in the period with a penalty or handling decision counts as "penalised or handled";
- an order that went unpaid past its deadline is "refusing an order or decision" (C);
- a case transferred to the police is C as well: the transfer rests on an order refused with the amount
  of the crime reached; a conviction adds "criminal liability";
- a mass incident over the employer's wages is C ("mass or extreme incident").
"""

from collections import defaultdict

from django.utils.translation import gettext as _

from enterprises.choices import CTrigger
from enterprises.grading import Finding

from .choices import CaseOutcome, CaseStatus, CourtResult, EventKind
from .models import Case, CaseEvent, CriminalTransfer, MassIncident


class CaseProvider:
    name = "cases"

    def findings(self, enterprises, start, end):
        result: dict[int, list[Finding]] = defaultdict(list)
        ids = enterprises.values("pk")
        closed = (Case.objects.filter(enterprise__in=ids, status=CaseStatus.CLOSED, closed_on__range=(start, end),
                                      outcome__in=CaseOutcome.counted_for_grading())
                  .values_list("pk", "enterprise_id", "number", "closed_on", "outcome"))
        for pk, enterprise_id, number, closed_on, outcome in closed:
            result[enterprise_id].append(Finding(
                code="handled", source=self.name, ref=f"cases.case:{pk}", counted=True,
                label=f"{closed_on:%Y-%m-%d} {number} {CaseOutcome(outcome).label}"))
        overdue = (CaseEvent.objects.filter(case__enterprise__in=ids, kind=EventKind.OVERDUE,
                                            occurred_on__range=(start, end))
                   .values_list("case_id", "case__enterprise_id", "case__number", "occurred_on"))
        for case_id, enterprise_id, number, day in overdue:
            result[enterprise_id].append(Finding(
                code=CTrigger.REFUSED_ORDER.value, source=self.name, ref=f"cases.case:{case_id}",
                label=_("%(day)s %(number)s: rectification order not complied with") % {
                    "day": f"{day:%Y-%m-%d}", "number": number}))
        transfers = (CriminalTransfer.objects.filter(case__enterprise__in=ids, transferred_on__range=(start, end))
                     .values_list("case_id", "case__enterprise_id", "case__number", "transferred_on", "court_result"))
        for case_id, enterprise_id, number, day, court_result in transfers:
            code = CTrigger.CRIMINAL if court_result in (CourtResult.CONVICTED, CourtResult.EXEMPTED) \
                else CTrigger.REFUSED_ORDER
            result[enterprise_id].append(Finding(
                code=code.value, source=self.name, ref=f"cases.case:{case_id}",
                label=_("%(day)s %(number)s: transferred to the police") % {"day": f"{day:%Y-%m-%d}",
                                                                            "number": number}))
        incidents = (MassIncident.objects.filter(enterprise__in=ids, occurred_at__date__range=(start, end))
                     .values_list("pk", "enterprise_id", "occurred_at", "workers_involved"))
        for pk, enterprise_id, when, workers in incidents:
            result[enterprise_id].append(Finding(
                code=CTrigger.MASS_INCIDENT.value, source=self.name, ref=f"cases.massincident:{pk}",
                label=_("%(day)s mass incident, %(n)d workers") % {"day": f"{when:%Y-%m-%d}", "n": workers}))
        return result
