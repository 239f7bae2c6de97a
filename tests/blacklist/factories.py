"""Builders of the blacklist tests: cases walked through the cases services to an overdue order with a
"joint-punishment list review" request, and entries walked through blacklist.services."""

import datetime as dt
from decimal import Decimal

from blacklist import services
from blacklist.models import ListingEntry
from cases import services as case_services
from cases.choices import CaseOutcome, EscalationKind, ServiceMethod
from cases.models import Case, EscalationRequest

D = dt.date
FILED_ON = D(2026, 6, 1)
ISSUED_ON = D(2026, 6, 10)
PROPOSED_ON = D(2026, 7, 1)
NOTICE_ON = D(2026, 7, 1)  # a Wednesday: 5 working days → objections until 2026-07-08
OBJECTION_END = D(2026, 7, 8)
LISTED_ON = D(2026, 7, 9)
CLOSED_ON = D(2026, 8, 3)


def ordered_case(actor, partner, enterprise, *, workers=10, amount=Decimal("50000.00"), months=3) -> Case:
    case = case_services.file_case(actor=actor, on=FILED_ON, district=enterprise.district, enterprise=enterprise,
                                   workers=workers, amount=amount, months=months)
    case_services.assign_inspector(case, actor=actor, inspector=partner, on=FILED_ON)
    case_services.issue_order(case, actor=actor, issued_on=ISSUED_ON, workdays=7, amount=amount, workers=workers,
                              requirements="足额支付", served_on=ISSUED_ON, service_method=ServiceMethod.IN_PERSON)
    return Case.objects.get(pk=case.pk)


def overdue_case(actor, partner, enterprise, **kwargs) -> Case:
    case = ordered_case(actor, partner, enterprise, **kwargs)
    return case_services.mark_overdue(case, actor=actor, on=case.order_deadline + dt.timedelta(days=3))


def review_request(actor, partner, enterprise, **kwargs) -> EscalationRequest:
    case = overdue_case(actor, partner, enterprise, **kwargs)
    return case_services.request_escalation(case, actor=actor, kind=EscalationKind.BLACKLIST_REVIEW,
                                            reason="逾期未支付", on=case.order_deadline + dt.timedelta(days=4))


def proposed_entry(actor, partner, enterprise, **kwargs) -> ListingEntry:
    request = review_request(actor, partner, enterprise, **kwargs)
    return services.propose_listing(request, actor=actor, on=PROPOSED_ON)


def notified_entry(actor, partner, enterprise, **kwargs) -> ListingEntry:
    entry = proposed_entry(actor, partner, enterprise, **kwargs)
    return services.serve_notice(entry, actor=actor, served_on=NOTICE_ON)


def listed_entry(actor, partner, checker, enterprise, **kwargs) -> ListingEntry:
    entry = notified_entry(actor, partner, enterprise, **kwargs)
    return services.decide_listing(entry, actor=checker, listed=True, decision_number="兰人社惩〔2026〕1号",
                                   on=LISTED_ON)


def closed_case(actor, partner, enterprise, *, amount=Decimal("80000.00"), workers=12, closed_on=CLOSED_ON,
                transfer=False) -> Case:
    """A case closed with a penalty after its order went unpaid (or transferred to the police)."""
    case = overdue_case(actor, partner, enterprise, workers=workers, amount=amount)
    if transfer:
        case_services.transfer_to_police(case, actor=actor, document_number="兰人社移〔2026〕3号",
                                         police_unit="城关分局", on=closed_on)
        return case_services.close_case(case, actor=actor, outcome=CaseOutcome.TRANSFERRED, summary="已移送",
                                        on=closed_on)
    return case_services.close_case(case, actor=actor, outcome=CaseOutcome.PENALTY, summary="罚款", on=closed_on)
