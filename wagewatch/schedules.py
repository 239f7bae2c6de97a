"""Periodic tasks, kept in the database by django-celery-beat. `manage.py sync_schedules` makes
the database match this list (run by `make run`, the deployment entrypoint and the tests)."""

SCHEDULES = [
    # name, task, crontab (minute, hour, day_of_week, day_of_month, month_of_year)
    ("calendar coverage check", "core.check_calendar_coverage", ("15", "6", "*", "*", "*")),
    # Import jobs whose worker died end failed with a message (core.imports.service.fail_stale_jobs).
    ("stale import jobs", "core.fail_stale_imports", ("*/15", "*", "*", "*", "*")),
    # Orders whose payment deadline passed unpaid become overdue (限期整改指令书, Decree 423 Art. 30).
    ("overdue rectification orders", "cases.flag_overdue_orders", ("5", "1", "*", "*", "*")),
    # Listings end exactly three years after publication (人社部令第45号).
    ("joint-punishment list expiry", "blacklist.expire_listings", ("30", "0", "*", "*", "*")),
    # Guarantees expiring within a month (人社部发〔2021〕65号: validity must cover the construction period).
    ("deposit guarantee expiry reminders", "deposits.remind_expiring_guarantees", ("30", "6", "*", "*", "*")),
    # Half-yearly list of completed projects whose deposits are still held.
    ("deposit half-yearly clean-up list", "deposits.list_cleanup", ("0", "7", "*", "1", "1,7")),
    # Annual credit grading proposals on 15 January (人社部规〔2016〕1号: once a year, previous year's record).
    ("annual credit grading", "enterprises.propose_annual_grades", ("0", "2", "*", "15", "1")),
    # Outbound notifications whose task was lost or whose digest window ended (notifications.delivery).
    ("notification deliveries sweep", "notifications.sweep", ("*/5", "*", "*", "*", "*")),
    # Deadline reminders to the officials and enterprises concerned (reminders.sources), deduplicated by key.
    ("deadline reminders", "reminders.send_reminders", ("20", "*", "*", "*", "*")),
    # The early-warning rules over the whole city (domain.md §13); a change re-runs its rules on commit.
    ("early-warning nightly evaluation", "earlywarning.evaluate_all", ("30", "2", "*", "*", "*")),
]
