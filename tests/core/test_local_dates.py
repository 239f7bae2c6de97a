"""Dates that come from a timestamp are Beijing dates (timezone.localdate), never the UTC date: with the clock
frozen at 01:00 Asia/Shanghai (17:00 UTC the day before), every document and deadline carries the local day.
The last test guards the class: no `.date()` on a datetime, no naive "now" or "today" in the source."""

import datetime as dt
import pathlib
import re
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cases import documents as case_documents
from cases import rules, services
from cases.models import CaseEvent, Complaint, MassIncident
from cases.services.common import calendar
from deposits import documents as deposit_documents
from tests.certificates.pdfcheck import pdf_text

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
ROOT = pathlib.Path(__file__).resolve().parents[2]
LOCAL_DAY = dt.date(2026, 6, 2)  # a Tuesday; at 01:00 in Beijing it is still Monday 1 June in UTC


@pytest.fixture
def frozen_clock(monkeypatch):
    """Freeze django.utils.timezone.now (which localdate, localtime and auto_now read) at 01:00 Beijing."""
    instant = dt.datetime(2026, 6, 2, 1, 0, tzinfo=SHANGHAI).astimezone(dt.UTC)
    assert instant.date() == dt.date(2026, 6, 1)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    return instant


def _complaint(personas):
    values = {"channel": "walk_in", "kind": "complaint", "complainant_name": "王小二",
              "complainant_phone": "13912345678", "employer_name": personas.enterprise_a.name,
              "employer_credit_code": personas.enterprise_a.credit_code, "workers_count": 3,
              "amount_owed": Decimal("24000.00"), "owed_from": dt.date(2026, 3, 1), "owed_to": dt.date(2026, 5, 31),
              "description": "三个月工资未发"}
    return services.submit_complaint(Complaint(**values), actor=personas.chengguan_inspector)


def test_intake_acceptance_and_filing_deadlines_run_from_the_local_day(frozen_clock, personas):
    complaint = _complaint(personas)
    assert complaint.received_on == LOCAL_DAY
    assert complaint.acceptance_deadline == rules.acceptance_deadline(LOCAL_DAY, calendar())
    complaint = services.decide_complaint(complaint, actor=personas.chengguan_inspector, decision="accepted")
    case = complaint.case
    assert case.filed_on == LOCAL_DAY
    assert case.investigation_deadline == rules.investigation_deadline(LOCAL_DAY, calendar())
    assert set(CaseEvent.objects.filter(case=case).values_list("occurred_on", flat=True)) == {LOCAL_DAY}


def test_the_acceptance_notice_is_signed_on_the_local_day(frozen_clock, personas):
    complaint = services.decide_complaint(_complaint(personas), actor=personas.chengguan_inspector,
                                          decision="accepted")
    text = pdf_text(case_documents.acceptance_notice(Complaint.objects.get(pk=complaint.pk)))
    assert "2026年6月2日" in text and "2026年6月1日" not in text


def test_the_deposit_payment_notice_is_dated_the_local_day(frozen_clock):
    enterprise = SimpleNamespace(name="甲建设有限公司")
    deposit = SimpleNamespace(guarantor="", bank_name="兰州银行", enterprise=enterprise,
                              project=SimpleNamespace(name="某小区"), guarantee_number="",
                              assessed_on=dt.date(2026, 1, 5))
    approval = SimpleNamespace(deposit=deposit, pk=7, decided_at=timezone.now(), case_ref="620102-2026-0001",
                               order_deadline=dt.date(2026, 5, 20), amount=Decimal("1000.00"), workers=1,
                               bank_pay_by=dt.date(2026, 6, 5), payees=[{"name": "张三", "amount": "1000.00"}])
    text = pdf_text(deposit_documents.payment_notice(approval))
    assert "2026年6月2日" in text and "2026年6月1日" not in text


def test_a_mass_incident_at_night_is_on_the_case_timeline_on_its_local_day(frozen_clock, personas, partner):
    from tests.cases.factories import investigating_case

    case = investigating_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    incident = MassIncident(occurred_at=timezone.now(), place="工地门口", district=case.district, workers_involved=12,
                            case=case, description="讨薪")
    services.record_mass_incident(incident, actor=personas.chengguan_inspector)
    assert CaseEvent.objects.get(case=case, kind="note").occurred_on == LOCAL_DAY


def test_supervision_deadline_and_the_order_forms_dates_start_on_the_local_day(frozen_clock, personas, partner):
    from cases import forms
    from cases.models import Case
    from tests.cases.factories import CaseFactory

    case = CaseFactory(enterprise=personas.enterprise_a, filed_on=dt.date(2026, 5, 20))
    services.list_for_supervision(case, actor=personas.chengguan_official, note="督办")
    case = Case.objects.get(pk=case.pk)
    assert CaseEvent.objects.get(case=case, kind="supervision").occurred_on == LOCAL_DAY
    from cases.models import DifficultCaseThreshold

    threshold = DifficultCaseThreshold.objects.in_force(LOCAL_DAY).first()
    days = threshold.supervision_workdays if threshold else 30
    assert case.supervision_deadline == calendar().add_workdays(LOCAL_DAY, days)
    order_form = forms.OrderForm()
    assert order_form["issued_on"].value() == LOCAL_DAY and order_form["served_on"].value() == LOCAL_DAY
    assert forms.RecoveryForm()["paid_on"].value() == LOCAL_DAY


def test_an_order_is_overdue_from_the_local_day_after_its_deadline(personas, partner, monkeypatch):
    from tests.cases.factories import ordered_case

    case = ordered_case(personas.chengguan_inspector, partner, personas.enterprise_a)
    after = dt.datetime.combine(case.order_deadline + dt.timedelta(days=1), dt.time(1, 0), tzinfo=SHANGHAI)
    monkeypatch.setattr(timezone, "now", lambda: after.astimezone(dt.UTC))
    case = services.mark_overdue(case, actor=personas.chengguan_inspector)
    assert case.status == "overdue"


# The class: a `.date()` on an aware datetime is its UTC day; naive now/today read the server's zone (UTC in the
# containers). Allowed: `.date()` on a line that localises (localtime/localdate) the aware case, and Excel cell
# values (naive calendar values).
ALLOWED_DATE_CALLS = {"core/imports/cells.py"}  # openpyxl cell values are naive datetimes
NAIVE_CLOCK = re.compile(r"\b(?:dt\.|datetime\.)?(?:date\.today|datetime\.now\(\s*\)|datetime\.utcnow|utcnow)\(?")


def _sources():
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in {".venv", "tests", "node_modules", "benchmarks"} or "migrations" in rel.parts:
            continue
        yield str(rel), path.read_text(encoding="utf-8")


def test_no_utc_dates_from_timestamps_anywhere_in_the_source():
    offenders = []
    for rel, text in _sources():
        for number, line in enumerate(text.splitlines(), start=1):
            code = line.split("#", 1)[0]
            localised = "localtime(" in code or "localdate(" in code  # e.g. aware → localdate, naive → .date()
            if ".date()" in code and not localised and rel not in ALLOWED_DATE_CALLS:
                offenders.append(f"{rel}:{number}: {line.strip()}")
            if NAIVE_CLOCK.search(code):
                offenders.append(f"{rel}:{number}: {line.strip()}")
            if re.search(r"_at:%|now\(\):%", code):  # an aware timestamp formatted in UTC
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == [], "use timezone.localdate(value) / timezone.localtime(value):\n" + "\n".join(offenders)
