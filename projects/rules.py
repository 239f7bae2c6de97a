"""Every regulatory number of the projects app, named once, with its source.

Compliance targets a city may tighten are data (projects.ComplianceTarget rows with an effective
date); the national defaults below apply when the city has entered none.
"""

import datetime as dt
from decimal import Decimal

from core import periods

from .choices import ComplianceMetric

# 人社部发〔2021〕53号 (工程建设领域农民工工资专用账户管理暂行办法): the general contractor opens the dedicated
# wage account within 30 days of signing the construction contract (domain.md §3 item 3).
ACCOUNT_OPENING_DAYS = 30

# Decree 724 Art. 27 (domain.md §3 item 13): the dedicated account is closed after completion, with no arrears,
# once the project has been publicised for 30 days; then the general contractor applies to close it.
ACCOUNT_CLOSING_PUBLICITY_DAYS = 30

# 保障农民工工资支付条例 (Decree 724) Art. 24: the labour-cost allocation cycle agreed between client and
# general contractor must not exceed one month (domain.md §1.4 item 15, §3 item 5).
MAX_ALLOCATION_CYCLE_DAYS = 31  # one calendar month at most

# Decree 724 Arts. 15 and 28, 人社部发〔2021〕53号: the payroll ledger and the labour ledger are kept until
# completion and full settlement of wages, plus at least 3 years (domain.md §1.3 item 10, §3 item 12).
RETENTION_YEARS = 3

# 建市〔2019〕18号 (建筑工人实名制管理办法) with Decree 724 Arts. 28 and 31: one card per worker, held by the
# worker; a labour contract before entering the site. The card must be issued within one month; the issue
# reads "of the deposit", which we take as the worker's entry on site (the start of the wage relation).
CARD_ISSUE_MONTHS = 1

# National defaults of the compliance targets (share of workers, 0–1): card issued ≥ 95 %, held by the worker
# 100 % (Decree 724 Art. 31: nobody may hold a worker's card), activated ≥ 95 %, contract before entry 100 %
# (Decree 724 Art. 28). Cities override them with ComplianceTarget rows.
DEFAULT_TARGETS = {
    ComplianceMetric.CARD_ISSUED: Decimal("0.95"),
    ComplianceMetric.CARD_HELD: Decimal("1.00"),
    ComplianceMetric.CARD_ACTIVATED: Decimal("0.95"),
    ComplianceMetric.CONTRACT_BEFORE_ENTRY: Decimal("1.00"),
}

# Decree 724 Art. 14 and the 1994 wage rules Art. 7: wages are paid at least monthly; a pay date on a rest
# day or holiday moves to the previous working day (domain.md §1.2 item 8, §12 item 5).
DEFAULT_PAY_DAY = 15

# 最低工资规定 (劳动和社会保障部令第21号) Arts. 7 and 12: the province sets the monthly minimum wage for the
# normal working time, and wages for it may not be below it; Decree 724 Art. 34 puts it on the notice board.
# The city enters its province's standard in force (city setting "minimum_monthly_wage", effective-dated,
# as provinces revise it every few years); this default is the figure of the local rule set we know
# (domain.md §9.5 item 16), in whole yuan a month.
MINIMUM_MONTHLY_WAGE = 1890


def account_deadline(contract_signed_on: dt.date | None) -> dt.date | None:
    """The last day to open the dedicated wage account."""
    if contract_signed_on is None:
        return None
    return periods.period_end(contract_signed_on, days=ACCOUNT_OPENING_DAYS)


def retention_until(wages_settled_on: dt.date | None) -> dt.date | None:
    """Payroll and attendance may be deleted only after this day (None: the project is not settled)."""
    if wages_settled_on is None:
        return None
    return periods.period_end(wages_settled_on, years=RETENTION_YEARS)


def card_deadline(entered_on: dt.date | None) -> dt.date | None:
    if entered_on is None:
        return None
    return periods.period_end(entered_on, months=CARD_ISSUE_MONTHS)


def targets_on(day: dt.date | None = None) -> dict:
    """The targets in force on a day: the newest ComplianceTarget per metric, else the national default."""
    from django.utils import timezone

    from .models import ComplianceTarget

    day = day or timezone.localdate()
    targets = dict(DEFAULT_TARGETS)
    rows = ComplianceTarget.objects.filter(effective_from__lte=day).order_by("metric", "-effective_from")
    seen = set()
    for row in rows:
        if row.metric not in seen:
            seen.add(row.metric)
            targets[row.metric] = row.minimum
    return targets

