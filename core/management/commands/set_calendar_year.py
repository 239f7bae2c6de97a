import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from core.workdays import set_year


def _days(values):
    days = []
    for value in values:
        start, _, end = value.partition(":")
        first = dt.date.fromisoformat(start)
        last = dt.date.fromisoformat(end) if end else first
        days += [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return days


class Command(BaseCommand):
    help = ("Enter a year's holiday schedule before chinesecalendar knows it, e.g. "
            "set_calendar_year 2027 --holiday 2027-01-01 --holiday 2027-02-05:2027-02-11 --workday 2027-02-14 "
            "--note '国办发明电〔2026〕…号'")

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--holiday", action="append", default=[], help="a date or FROM:TO (rest days)")
        parser.add_argument("--workday", action="append", default=[], help="a make-up workday (调休上班)")
        parser.add_argument("--note", required=True, help="the notice the schedule comes from")
        parser.add_argument("--provisional", action="store_true",
                            help="a stand-in (statutory holidays only, no official notice yet): deadlines in the "
                                 "year are marked provisional and administrators are alerted until it is replaced")

    def handle(self, *args, year, holiday, workday, note, provisional, **options):
        try:
            count = set_year(year, holidays=_days(holiday), workdays=_days(workday), note=note,
                             provisional=provisional)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if provisional:
            self.stdout.write(f"{year}: {count} overrides entered as PROVISIONAL; deadlines in {year} are marked "
                              "provisional until the official schedule is entered.")
        else:
            self.stdout.write(f"{year}: {count} overrides entered; deadlines may now count in {year}.")
