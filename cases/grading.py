"""The cases app's facts for the credit grading (enterprises.grading, 人社部规〔2016〕1号, domain.md §10):

- a case closed in the period with a penalty or handling decision counts as "penalised or handled";
- refusing to carry out an order (拒不履行, C) is not paying late: an order counts as refused when its deadline
  passed and it was still not complied with at the end of the evaluation period (the case went overdue and
  no compliance was recorded by then). Paying after the deadline is a late payment, shown but not a C
  trigger; an inspector records an express refusal as an enterprises.Violation with c_trigger
  "refused_order" (the ViolationProvider reads it);
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

# 人社部规〔2016〕1号 (企业劳动保障守法诚信等级评价办法), grade C: "拒不履行劳动保障监察限期整改指令、行政处理决定
# 和行政处罚决定" (domain.md §10.4; article number not confirmed). A late payment is complied with, so not refused.
CITATION_REFUSED = "人社部规〔2016〕1号（C级：拒不履行限期整改指令、行政处理决定和行政处罚决定）"


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
        complied = dict(CaseEvent.objects.filter(case__enterprise__in=ids, kind=EventKind.COMPLIED,
                                                 occurred_on__lte=end)
                        .values_list("case_id", "occurred_on"))
        for case_id, enterprise_id, number, day in overdue:
            paid_on = complied.get(case_id)
            if paid_on is not None and paid_on >= day:
                # paid after the deadline: complied with late, not refused (code is no CTrigger: not counted)
                result[enterprise_id].append(Finding(
                    code="paid_late", source=self.name, ref=f"cases.case:{case_id}",
                    label=_("%(day)s %(number)s: order complied with after its deadline, on %(paid)s") % {
                        "day": f"{day:%Y-%m-%d}", "number": number, "paid": f"{paid_on:%Y-%m-%d}"}))
                continue
            result[enterprise_id].append(Finding(
                code=CTrigger.REFUSED_ORDER.value, source=self.name, ref=f"cases.case:{case_id}",
                label=_("%(day)s %(number)s: order overdue and still not complied with on %(end)s (%(basis)s)") % {
                    "day": f"{day:%Y-%m-%d}", "number": number, "end": f"{end:%Y-%m-%d}",
                    "basis": CITATION_REFUSED}))
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
