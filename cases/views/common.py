"""Helpers shared by the HTML views: deadline countdowns, unmask rights."""

from dataclasses import dataclass

from django.utils import timezone

from core.workdays import CalendarNotCovered, WorkdayCalendar
from kernel.masking import may_reveal


def may_unmask(user) -> bool:
    """Who may reveal a complainant's full ID number or phone: the one rule, kernel.masking.REVEAL_ROLES."""
    return may_reveal(user)


@dataclass
class Countdown:
    """A deadline and the working days left (negative: overdue), or why they cannot be counted."""

    day: object = None
    left: int | None = None
    error: str = ""
    rule: object = None  # the core.citations.Rule behind the date, shown beside it

    @property
    def overdue(self) -> bool:
        return self.left is not None and self.left < 0

    @property
    def late_by(self) -> int:
        return -self.left if self.overdue else 0

    @property
    def due_soon(self) -> bool:
        return self.left is not None and 0 <= self.left <= 2


class Countdowns:
    """One calendar (two queries) for all the countdowns of a page."""

    def __init__(self):
        self.calendar = WorkdayCalendar()
        self.today = timezone.localdate()

    def __call__(self, day, error: str = "", rule=None) -> Countdown:
        if day is None:
            return Countdown(error=error, rule=rule)
        try:
            return Countdown(day, self.calendar.workdays_between(self.today, day), rule=rule)
        except CalendarNotCovered as exc:
            from django.utils.translation import gettext as _

            return Countdown(day, None, _("No holiday schedule for %(year)d") % {"year": exc.year}, rule=rule)
