"""Periodic tasks, kept in the database by django-celery-beat. `manage.py sync_schedules` makes
the database match this list (run by `make run`, the deployment entrypoint and the tests)."""

SCHEDULES = [
    # name, task, crontab (minute, hour, day_of_week, day_of_month, month_of_year)
    ("calendar coverage check", "core.check_calendar_coverage", ("15", "6", "*", "*", "*")),
]
