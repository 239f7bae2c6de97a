"""Periodic tasks, kept in the database by django-celery-beat. `manage.py sync_schedules` makes
the database match this list (run by `make run`, the deployment entrypoint and the tests)."""

SCHEDULES = [
    # name, task, crontab (minute, hour, day_of_week, day_of_month, month_of_year)
    ("calendar coverage check", "core.check_calendar_coverage", ("15", "6", "*", "*", "*")),
    # Annual credit grading proposals on 15 January (人社部规〔2016〕1号: once a year, previous year's record).
    ("annual credit grading", "enterprises.propose_annual_grades", ("0", "2", "15", "1", "*")),
]
