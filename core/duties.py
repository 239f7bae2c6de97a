"""The shape in which a fact module reports a dated duty (a deadline to decide, pay, top up, renew), so that
the deadline reminders read every app the same way and never its models."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Duty:
    """One record with a date by which someone must act: its label (number or name), the district and
    enterprise it belongs to, the day, the page that acts on it, and the people who hold it personally (a
    case's inspectors)."""

    pk: int
    label: str
    district_id: int | None
    due_on: dt.date
    link: str
    enterprise_id: int | None = None
    user_ids: tuple[int, ...] = ()
