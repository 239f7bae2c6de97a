"""W11: a worker's net pay for a month of full attendance is below the local monthly minimum wage, or a
month's payroll pays on average below it (domain.md §13; Decree 724 Art. 34, Decree 423 Art. 26, 最低工资规定
Art. 12; the vendor rule of §9.5 item 16).

Full attendance is every working day of the month by the holiday schedule (core.workdays), the normal working
time the minimum wage is for; the days are the payroll's days worked until attendance is recorded
(see projects.facts). The payroll average is its net pay per day worked over a full month, so that
workers who joined or left in the month do not lower it. The minimum is the city setting in force in the
month ("minimum_monthly_wage", the province's standard)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from core import periods
from core.aggregates import CENT
from core.citations import Rule
from core.city_settings import city_setting
from core.workdays import WorkdayCalendar
from projects import facts

from .base import Level, Param, Recipient, RuleSpec, Subject
from .project_subjects import employment_hit, months_back, project_hit

SPEC = RuleSpec(
    code="W11",
    name=_("Pay below the local minimum wage"),
    subject=Subject.EMPLOYMENT,
    level=Level.RED,
    clear_within_workdays=3,
    recipients=(Recipient.ENTERPRISE, Recipient.DISTRICT),
    citation=Rule(
        _("Wages for the normal working time are not below the local minimum wage"),
        "《保障农民工工资支付条例》第三十四条；《劳动保障监察条例》第二十六条；《最低工资规定》第十二条",
    ),
    description=_(
        "A worker who worked every working day of the month was paid a net amount below the local monthly "
        "minimum wage, or the month's payroll pays on average, per day worked over a full month, below it."
    ),
    how_to_clear=_("Correct the payroll and pay the shortfall to the workers."),
    params={"lookback_months": Param(12, _("Payroll months checked (up to the current month)"), minimum=1, maximum=36)},
    evidence_labels={
        "project": _("Project"),
        "worker": _("Worker"),
        "month": _("Payroll month"),
        "days_worked": _("Days worked (payroll lines; attendance is not recorded yet)"),
        "full_attendance_days": _("Working days in the month"),
        "net_pay": _("Net pay"),
        "net_total": _("Net pay of those workers"),
        "minimum_wage": _("Local monthly minimum wage"),
        "shortfall": _("Shortfall"),
        "workers": _("Workers with days worked"),
        "average_full_month": _("Average net pay over a full month"),
    },
)


def thresholds(months, calendar=None) -> dict:
    """{month: (working days in it, the minimum wage in force on its first day)}."""
    calendar = calendar or WorkdayCalendar()
    return {
        month: (
            Decimal(calendar.workdays_between(month - periods.ONE_DAY, periods.month_end(month))),
            Decimal(city_setting("minimum_monthly_wage", month)),
        )
        for month in months
    }


def evaluate(ctx):
    limits = thresholds(months_back(ctx.on, ctx.params["lookback_months"]))
    for line in facts.full_month_pay_below(limits):
        full_days, minimum = limits[line.month]
        yield employment_hit(
            line,
            f"{line.month:%Y-%m}",
            month=f"{line.month:%Y-%m}",
            days_worked=line.days_worked,
            full_attendance_days=int(full_days),
            net_pay=line.net_pay,
            minimum_wage=minimum,
            shortfall=minimum - line.net_pay,
        )
    for payroll in facts.payroll_averages_below(limits):
        full_days, minimum = limits[payroll.month]
        average = (payroll.total_net * full_days / payroll.total_days).quantize(CENT, ROUND_HALF_UP)
        yield project_hit(
            payroll,
            f"{payroll.month:%Y-%m}",
            month=f"{payroll.month:%Y-%m}",
            workers=payroll.workers,
            days_worked=payroll.total_days,
            full_attendance_days=int(full_days),
            net_total=payroll.total_net,
            average_full_month=average,
            minimum_wage=minimum,
        )
