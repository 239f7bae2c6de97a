"""S01 (system health): the working-day calendar of this or next year is provisional or missing (core.workdays),
so that deadlines counted into it are uncertain or refused."""

from django.utils.translation import gettext_lazy as _

from core import workdays
from core.citations import Rule
from core.city_settings import city_setting

from .base import EvaluationContext, Hit, Level, Recipient, RuleSpec, Subject, evidence

SPEC = RuleSpec(
    code="S01",
    name=_("Working-day calendar not confirmed"),
    subject=Subject.SYSTEM,
    level=Level.YELLOW,
    clear_within_workdays=10,
    recipients=(Recipient.CITY_ADMIN,),
    citation=Rule(_("Working days of statutory deadlines"), "《全国年节及纪念日放假办法》；国务院办公厅放假安排通知"),
    description=_(
        "A year in use has only a provisional holiday schedule (yellow), or next year's schedule is "
        "missing from the month the city set (red)."
    ),
    how_to_clear=_("Enter the official schedule (manage.py set_calendar_year)."),
    evidence_labels={"year": _("Year"), "provisional": _("Provisional"), "confirmed_until": _("Confirmed until")},
    escalates=False,
)


def evaluate(ctx: EvaluationContext):
    confirmed = workdays.covered_until(confirmed=True)
    provisional = {year for year in workdays.provisional_years() if year >= ctx.on.year}
    next_year = ctx.on.year + 1
    missing = ctx.on.month >= city_setting("calendar_warning_month", ctx.on) and confirmed < next_year
    years = provisional | ({next_year} if missing else set())
    for year in sorted(years):
        is_provisional = year in provisional
        yield Hit(
            subject=Subject.SYSTEM,
            subject_id=year,
            district_id=None,
            part="calendar",
            level=None if is_provisional else Level.RED,
            evidence=evidence(year=year, provisional=is_provisional, confirmed_until=confirmed),
        )
