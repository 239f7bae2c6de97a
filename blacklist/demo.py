"""Demo joint-punishment list and publication, made through the cases and blacklist services with
back-dated days (each step has its timeline, audit events and notices). Idempotent: nothing happens when a
listing exists already. Runs after cases.demo (DEMO_MODULES), on its own cases:

- 七里河路桥工程有限公司: listed and published (an order unpaid, arrears above the criminal threshold);
- 甘肃金城劳务分包有限公司: prior notice served today, in its objection period (not published);
- a Chengguan labour subcontractor: listed in 2023, expired after 3 years;
- Qilihe's 2026Q3 batch of major violations, gathered by the district and published by the city.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from accounts.demo import ensure_user
from accounts.models import District, User
from cases import services as case_services
from cases.choices import CaseOutcome, EscalationKind, ServiceMethod
from enterprises.choices import EnterpriseKind
from enterprises.models import Enterprise
from kernel.roles import Role

from . import services
from .models import ListingEntry, PublicationBatch

D = dt.date


def _people(code, slug, partner_name):
    district = District.objects.get(code=code)
    inspector = User.objects.get(username=f"{slug}_inspector")
    official = User.objects.get(username=f"{slug}_official")
    partner, _ = ensure_user(f"{slug}_inspector2", name=partner_name, role=Role.INSPECTOR, district=district)
    return inspector, partner, official


def _overdue(enterprise, people, *, filed, issued, workers, amount, months=3):
    inspector, partner, _official = people
    case = case_services.file_case(actor=inspector, on=filed, district=enterprise.district, enterprise=enterprise,
                                   workers=workers, amount=Decimal(amount), months=months)
    case_services.assign_inspector(case, actor=inspector, inspector=partner, on=filed)
    case_services.issue_order(case, actor=inspector, issued_on=issued, workdays=7, amount=Decimal(amount),
                              workers=workers, requirements="足额支付拖欠的劳动者工资。", served_on=issued,
                              service_method=ServiceMethod.IN_PERSON, service_evidence="法定代表人签收送达回证")
    case.refresh_from_db()
    return case_services.mark_overdue(case, actor=inspector, on=case.order_deadline + dt.timedelta(days=1))


def _proposal(case, people, *, requested, proposed):
    inspector = people[0]
    request = case_services.request_escalation(case, actor=inspector, kind=EscalationKind.BLACKLIST_REVIEW,
                                               reason="限期支付指令逾期未履行，欠薪数额达到拒不支付劳动报酬罪标准。",
                                               on=requested)
    return services.propose_listing(request, actor=inspector, on=proposed)


def _list(case, people, *, requested, proposed, noticed, decided, number):
    inspector, _partner, official = people
    entry = _proposal(case, people, requested=requested, proposed=proposed)
    entry = services.serve_notice(entry, actor=inspector, served_on=noticed)
    return services.decide_listing(entry, actor=official, listed=True, decision_number=number, on=decided)


def seed(stdout):
    if ListingEntry.objects.exists():
        stdout.write("  blacklist: demo listings exist already; skipped")
        return
    today = timezone.localdate()
    qilihe = _people("620103", "qilihe", "周监察")
    chengguan = _people("620102", "chengguan", "孙监察")
    admin = User.objects.filter(role=Role.CITY_ADMIN).order_by("pk").first()

    road = Enterprise.objects.get(name="七里河路桥工程有限公司")
    case = _overdue(road, qilihe, filed=D(2026, 4, 7), issued=D(2026, 5, 11), workers=36, amount="486000")
    _list(case, qilihe, requested=D(2026, 5, 25), proposed=D(2026, 5, 26), noticed=D(2026, 5, 27),
          decided=D(2026, 6, 8), number="兰七人社惩〔2026〕1号")

    labour = Enterprise.objects.get(name="甘肃金城劳务分包有限公司")
    case = _overdue(labour, chengguan, filed=D(2026, 9, 1), issued=D(2026, 10, 9), workers=14, amount="126000")
    entry = _proposal(case, chengguan, requested=D(2026, 10, 26), proposed=today - dt.timedelta(days=1))
    services.serve_notice(entry, actor=chengguan[0], served_on=today, notice_number="兰城人社告〔2026〕9号")

    old = (Enterprise.objects.filter(district__code="620102", kind=EnterpriseKind.LABOUR_SUBCONTRACTOR)
           .exclude(pk=labour.pk).order_by("-pk").first())
    if old is not None:
        case = _overdue(old, chengguan, filed=D(2023, 3, 1), issued=D(2023, 4, 3), workers=11, amount="68000")
        _list(case, chengguan, requested=D(2023, 4, 20), proposed=D(2023, 4, 21), noticed=D(2023, 4, 24),
              decided=D(2023, 5, 8), number="兰城人社惩〔2023〕2号")
        services.expire_listings(on=today)

    catering = Enterprise.objects.get(name="兰州黄河餐饮管理有限公司")
    inspector = qilihe[0]
    case = _overdue(catering, qilihe, filed=D(2026, 5, 6), issued=D(2026, 6, 1), workers=12, amount="96000",
                    months=4)
    case_services.close_case(case, actor=inspector, outcome=CaseOutcome.PENALTY,
                             summary="作出行政处罚决定，责令支付并加付赔偿金。", on=D(2026, 8, 10))
    batch = services.gather_batch(actor=qilihe[2], day=D(2026, 8, 10), district=case.district)
    if admin is not None:
        services.publish_batch(batch, actor=admin)
    stdout.write(f"  blacklist: {ListingEntry.objects.count()} listings, "
                 f"{PublicationBatch.objects.count()} publication batch")
