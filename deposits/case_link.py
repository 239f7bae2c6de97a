"""What the deposits app reads from the case register (cases app, issue 6), plugged into
deposits.providers. It lives here because cases does not expose these answers itself; it can move into
cases/ (registered from its AppConfig.ready()) without any change to the deposits code.

- Arrears record: a case against the enterprise that ended with arrears established (any outcome but
  "no violation"), or that issued an order to pay; dated by the filing day.
- Payment orders: a draw names the case number; the case's latest rectification order (the order to pay)
  must belong to this project, be past its deadline and still unpaid (65号 Art. 14)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .providers import PaymentOrder


def arrears_outcomes():
    from cases.choices import CaseOutcome

    return [o for o in CaseOutcome.values if o != CaseOutcome.NO_VIOLATION]


class CaseArrears:
    name = "cases"
    label = _("case register")

    def arrears(self, enterprise_ids, start, end):
        from cases.models import Case

        rows = (Case.objects.filter(enterprise_id__in=enterprise_ids, filed_on__range=(start, end))
                .filter(Q(outcome__in=arrears_outcomes()) | Q(orders__isnull=False))
                .values_list("enterprise_id", "filed_on").distinct())
        found: dict[int, list] = {}
        for enterprise_id, filed_on in rows:
            found.setdefault(enterprise_id, []).append(filed_on)
        return found


class CaseOrders:
    name = "cases"

    def find(self, project, ref):
        from cases.choices import CaseStatus
        from cases.models import Case

        case = Case.objects.filter(Q(number=ref) | Q(orders__number=ref)).distinct().first()
        if case is None:
            return None
        order = case.orders.order_by("-issued_on", "-pk").first()
        if order is None:
            return None
        return PaymentOrder(
            ref=case.number, label=f"{case.number} / {order.number}", project_id=case.project_id,
            deadline=order.deadline, paid=case.status == CaseStatus.COMPLIED or case.amount_unpaid <= 0,
            amount=case.amount_unpaid, case_id=case.pk)
