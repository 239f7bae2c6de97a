"""A year of Lanzhou-sized casework, for load tests and dashboards (issue 6, "Demo and scale"):
8,350 complaints and visits about 28,300 workers, 797 cases filed, 795 closed, CNY 49.87 million recovered
for 4,301 workers, 20 mass incidents and 54 transfers to the police.

The rows are synthetic and written in bulk (with history rows) for speed, not through the services; the
deadlines are still computed with the working-day calendar. Idempotent per year.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from accounts.models import District
from core.workdays import WorkdayCalendar
from enterprises.models import Enterprise

from . import rules
from .choices import CaseOutcome, CaseStatus, Channel, ComplaintStatus, EventKind, RefusalGround, TransferStage
from .models import Case, CaseEvent, Complaint, CriminalThreshold, CriminalTransfer, MassIncident, Recovery
from .models.complaint import new_tracking_number

TARGETS = {"complaints": 8350, "workers": 28300, "cases": 797, "closed": 795,
           "recovered": Decimal("49870000.00"), "recovered_workers": 4301, "incidents": 20, "transfers": 54}
# Decisions on the complaints that did not become cases (shares of the rest).
OTHER_DECISIONS = [(ComplaintStatus.ARBITRATION, RefusalGround.ARBITRATION, 0.40),
                   (ComplaintStatus.REFERRED, RefusalGround.OTHER_JURISDICTION, 0.30),
                   (ComplaintStatus.NOT_ACCEPTED, RefusalGround.NOT_LABOUR_INSPECTION, 0.18),
                   (ComplaintStatus.NOT_ACCEPTED, RefusalGround.TIME_BARRED, 0.07),
                   (ComplaintStatus.SUPPLEMENT, RefusalGround.NO_EMPLOYER, 0.05)]
CHANNELS = [Channel.WALK_IN] * 5 + [Channel.HOTLINE] * 3 + [Channel.HOTLINE_12333] * 3 + [Channel.ONLINE] * 2 + [
    Channel.NATIONAL_PLATFORM, Channel.GRID, Channel.LETTER, Channel.DEPARTMENT, Channel.MEDIA]


def split(total, parts: int, rng, minimum=1) -> list:
    """`total` (int or Decimal) split into `parts` random positive shares that add up exactly."""
    weights = [rng.random() ** 2 + 0.05 for _ in range(parts)]
    scale = sum(weights)
    if isinstance(total, Decimal):
        shares = [rules.money(total * Decimal(w / scale)) for w in weights]
    else:
        spare = total - minimum * parts
        shares = [minimum + int(spare * w / scale) for w in weights]
    shares[-1] += total - sum(shares)
    return shares


class Scale:
    def __init__(self, year: int, seed: int, stdout):
        self.year, self.rng, self.stdout = year, random.Random(seed), stdout
        self.calendar = WorkdayCalendar()
        self.districts = list(District.objects.order_by("sort_order"))
        self.enterprises = {d.pk: list(Enterprise.objects.filter(district=d).values_list("pk", "name")) for d in
                            self.districts}
        self.enterprises = {k: v for k, v in self.enterprises.items() if v}
        self.tracking = set()

    def day(self, start=1, end=None) -> dt.date:
        first = dt.date(self.year, 1, 1)
        last = end or dt.date(self.year, 12, 31)
        return first + dt.timedelta(days=self.rng.randint(start - 1, (last - first).days))

    def add_workdays(self, day, n):
        return self.calendar.add_workdays(day, n)

    def complaint(self, district_id, enterprise, received, workers, amount, status, ground="", case=None):
        number = new_tracking_number(received)
        while number in self.tracking:
            number = new_tracking_number(received)
        self.tracking.add(number)
        pk, name = enterprise
        return Complaint(
            tracking_number=number, kind="complaint", channel=self.rng.choice(CHANNELS), status=status,
            received_at=timezone.make_aware(dt.datetime.combine(received, dt.time(9 + self.rng.randint(0, 8)))),
            received_on=received, acceptance_deadline=self.add_workdays(received, rules.ACCEPTANCE_WORKDAYS),
            complainant_name="务工人员", complainant_phone=f"139{self.rng.randint(10**7, 10**8 - 1)}",
            employer_name=name, enterprise_id=pk, district_id=district_id, workers_count=workers,
            amount_owed=amount, owed_from=received - dt.timedelta(days=120), owed_to=received - dt.timedelta(days=20),
            description="规模测试数据", refusal_ground=ground, case=case,
            decided_at=timezone.make_aware(dt.datetime.combine(self.add_workdays(received, 3), dt.time(16))),
            decision_reason="规模测试数据")


@transaction.atomic
def generate(year: int, *, seed: int = 2026, stdout) -> dict:
    if Case.objects.filter(number__contains=f"-{year}-S").exists():
        stdout.write(f"Scale data for {year} exists already.")
        return {}
    if not CriminalThreshold.objects.exists():
        raise RuntimeError("No criminal threshold: run the cases migrations first.")
    s = Scale(year, seed, stdout)
    if not s.enterprises:
        raise RuntimeError("No enterprises: run seed_demo (or seed_enterprises) first.")
    rng, t = s.rng, TARGETS
    districts = [d for d in s.districts if d.pk in s.enterprises]
    threshold = CriminalThreshold.objects.order_by("-effective_from").first()

    # Cases: 795 closed with the money, 2 still investigating.
    recovered_workers = split(t["recovered_workers"], t["closed"], rng)
    recovered = split(t["recovered"], t["closed"], rng, minimum=Decimal("0"))
    transfer_at = set(rng.sample(range(t["closed"]), t["transfers"]))
    cases, per_district = [], {}
    for i in range(t["cases"]):
        district = rng.choice(districts)
        enterprise = rng.choice(s.enterprises[district.pk])
        open_case = i >= t["closed"]
        # The two open cases were filed late in the year; the closed ones early enough to close in it.
        filed = s.day(start=305) if open_case else s.day(end=dt.date(year, 10, 31))
        workers = recovered_workers[i] if not open_case else rng.randint(3, 12)
        amount = recovered[i] if not open_case else Decimal(workers * 9000)
        per_district[district.pk] = per_district.get(district.pk, 0) + 1
        closed_on = None if open_case else min(s.add_workdays(filed, rng.randint(10, 58)), dt.date(year, 12, 31))
        outcome = CaseOutcome.TRANSFERRED if i in transfer_at else rng.choice(
            [CaseOutcome.RECTIFIED] * 8 + [CaseOutcome.HANDLING_DECISION, CaseOutcome.PENALTY])
        cases.append(Case(
            number=f"{district.code}-{year}-S{per_district[district.pk]:04d}", district=district,
            enterprise_id=enterprise[0], employer_name=enterprise[1], filed_on=filed,
            investigation_deadline=s.add_workdays(filed, rules.INVESTIGATION_WORKDAYS),
            status=CaseStatus.INVESTIGATING if open_case else CaseStatus.CLOSED,
            workers_owed=workers, amount_owed=amount, months_owed=rng.randint(1, 6),
            recovered_amount=Decimal(0) if open_case else amount, recovered_workers=0 if open_case else workers,
            outcome="" if open_case else outcome, closed_on=closed_on,
            closing_summary="" if open_case else "规模测试数据"))
    cases = bulk_create_with_history(cases, Case, batch_size=1000)
    cases = list(Case.objects.filter(number__contains=f"-{year}-S").order_by("pk"))

    # Complaints: every case has its group; the rest were decided otherwise.
    complaints, used_workers = [], 0
    for case in cases:
        group = min(case.workers_owed, rng.randint(1, 4))
        for workers, amount in zip(split(case.workers_owed, group, rng),
                                   split(case.amount_owed, group, rng, minimum=Decimal("0")), strict=True):
            received = max(dt.date(year, 1, 1), case.filed_on - dt.timedelta(days=rng.randint(0, 4)))
            complaints.append(s.complaint(case.district_id, (case.enterprise_id, case.employer_name), received,
                                          workers, amount, ComplaintStatus.ACCEPTED, case=case))
            used_workers += workers
    rest = t["complaints"] - len(complaints)
    for workers in split(t["workers"] - used_workers, rest, rng):
        district = rng.choice(districts)
        status, ground = _pick(rng)
        complaints.append(s.complaint(district.pk, rng.choice(s.enterprises[district.pk]), s.day(), workers,
                                      Decimal(workers * rng.randint(2000, 12000)), status, ground))
    bulk_create_with_history(complaints, Complaint, batch_size=1000)

    # The case timelines, the recoveries, the transfers and the mass incidents.
    events, recoveries, transfers = [], [], []
    for index, case in enumerate(cases):
        events.append(CaseEvent(case=case, kind=EventKind.FILED, occurred_on=case.filed_on, title="立案"))
        if case.status != CaseStatus.CLOSED:
            continue
        recoveries.append(Recovery(case=case, paid_on=case.closed_on, amount=case.recovered_amount,
                                   workers_paid=case.recovered_workers, note="规模测试数据"))
        events.append(CaseEvent(case=case, kind=EventKind.CLOSED, occurred_on=case.closed_on, title="结案"))
        if case.outcome == CaseOutcome.TRANSFERRED:
            transfers.append(CriminalTransfer(
                case=case, transferred_on=case.closed_on, document_number=f"移〔{year}〕{index}号",
                police_unit="兰州市公安局", threshold=threshold, unpaid_amount=case.amount_owed,
                workers=case.workers_owed, stage=rng.choice(list(TransferStage)[1:])))
    CaseEvent.objects.bulk_create(events, batch_size=2000)
    bulk_create_with_history(recoveries, Recovery, batch_size=1000)
    bulk_create_with_history(transfers, CriminalTransfer, batch_size=1000)
    incidents = []
    for case in rng.sample(cases, t["incidents"]):
        incidents.append(MassIncident(
            occurred_at=timezone.make_aware(dt.datetime.combine(case.filed_on, dt.time(9))), place="项目部门口",
            district_id=case.district_id, workers_involved=rng.randint(10, 120), enterprise_id=case.enterprise_id,
            case=case, description="规模测试数据", response_actions=["investigation", "mediation"],
            outcome="当日化解"))
    bulk_create_with_history(incidents, MassIncident, batch_size=1000)
    summary = {"complaints": len(complaints), "workers": sum(c.workers_count for c in complaints),
               "cases": len(cases), "closed": sum(1 for c in cases if c.status == CaseStatus.CLOSED),
               "recovered": sum((c.recovered_amount for c in cases), Decimal(0)),
               "recovered_workers": sum(c.recovered_workers for c in cases), "incidents": len(incidents),
               "transfers": len(transfers)}
    stdout.write(", ".join(f"{k}: {v}" for k, v in summary.items()))
    return summary


def _pick(rng):
    roll, acc = rng.random(), 0.0
    for status, ground, share in OTHER_DECISIONS:
        acc += share
        if roll <= acc:
            return status, ground
    return OTHER_DECISIONS[0][:2]
