"""W09: a month with attendance, and no wages paid through the dedicated account by the effective pay date
(domain.md §13; the vendor rule §9.5 item 15). Orange after the pay date; red when the month after the
attendance month has ended and still nothing was paid."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from core.citations import Rule
from projects import facts as project_facts

from .base import Hit, Level, Param, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="W09",
    name=_("Attendance but no wages paid through the account"),
    subject=Subject.PROJECT,
    level=Level.ORANGE,
    clear_within_workdays=3,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(_("Wages are paid in full every month on the agreed date, through the dedicated account"),
                  "《保障农民工工资支付条例》第十二条、第十三条、第十四条、第三十一条"),
    description=_("Workers had days on site in a month, and by the effective pay date (the agreed pay day, moved "
                  "to the previous working day when it falls on a rest day or holiday) no wage of that month was "
                  "paid through the dedicated wage account. Red when the month after the attendance month has "
                  "ended and still nothing is paid."),
    how_to_clear=_("Pay the month's wages through the dedicated account and record the payroll with the bank "
                   "references; the warning clears at the next evaluation."),
    params={"red_after_months": Param(1, _("Red when still unpaid at the end of this many months after the "
                                           "attendance month"), minimum=0, maximum=6)},
    evidence_labels={
        "project": _("Project"),
        "month": _("Attendance month"),
        "pay_date": _("Effective pay date"),
        "attended_workers": _("Workers with attendance"),
        "days_on_site": _("Days on site"),
        "payroll_submitted": _("Payroll submitted"),
        "red_from": _("Red from"),
    },
)


def evaluate(ctx):
    red_after = int(ctx.params.get("red_after_months", SPEC.params["red_after_months"].default))
    for row in project_facts.attended_months_without_account_pay(ctx.on):
        red_from = _first_of_month_after(row.month, red_after + 1)  # the day after the end of M + red_after
        yield Hit(subject=Subject.PROJECT, subject_id=row.project_id, district_id=row.district_id,
                  enterprise_id=row.enterprise_id, project_id=row.project_id, part=f"{row.month:%Y-%m}",
                  level=Level.RED if ctx.on >= red_from else None,
                  evidence=evidence(project=row.project_code, month=f"{row.month:%Y-%m}", pay_date=row.due_on,
                                    attended_workers=row.attended, days_on_site=row.days,
                                    payroll_submitted=row.payroll_submitted, red_from=red_from))


def _first_of_month_after(month: dt.date, n: int) -> dt.date:
    """The first day of the n-th calendar month after ``month`` (calendar months, not a term)."""
    year, index = divmod(month.year * 12 + month.month - 1 + n, 12)
    return dt.date(year, index + 1, 1)
