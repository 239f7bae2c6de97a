import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from earlywarning import engine
from earlywarning.models import RuleParameter, RunStatus, RunTrigger
from earlywarning.parameters import seed_rows


class Command(BaseCommand):
    help = "Run the early-warning evaluation in the foreground and print per-rule counts and durations."

    def add_arguments(self, parser):
        parser.add_argument("--rule", action="append", dest="rules", help="a rule code (W09); repeat for more")
        parser.add_argument("--on", help="the evaluation day, YYYY-MM-DD (default: today, local)")

    def handle(self, *args, rules=None, on=None, **options):
        try:
            day = dt.date.fromisoformat(on) if on else None
        except ValueError as exc:
            raise CommandError(f"--on must be YYYY-MM-DD, not {on!r}") from exc
        known = {spec.code for spec, _fn in engine.selected_rules()}
        unknown = sorted({c.upper() for c in rules or []} - known)
        if unknown:
            raise CommandError(f"unknown rule(s): {', '.join(unknown)}")
        seed_rows(RuleParameter)  # rules added since the seed migration get their default rows
        run = engine.evaluate(on=day, rules=rules, trigger=RunTrigger.MANUAL)
        if run.status == RunStatus.SKIPPED:
            raise CommandError("another evaluation is running; nothing was done")
        self.stdout.write(f"{'rule':<6}{'raised':>8}{'kept':>8}{'cleared':>9}{'escal.':>8}{'level+':>8}{'seconds':>10}")
        for code in run.rules:
            counts = run.counts.get(code, {})
            self.stdout.write(
                f"{code:<6}{counts.get('raised', 0):>8}{counts.get('kept', 0):>8}{counts.get('cleared', 0):>9}"
                f"{counts.get('escalated', 0):>8}{counts.get('level_raised', 0):>8}{run.durations.get(code, 0):>10.3f}"
                + ("  ERROR " + run.errors[code].splitlines()[0] if code in run.errors else "")
            )
        self.stdout.write(f"run {run.pk} {run.status} on {run.on} in {run.seconds:.3f} s")
        if run.errors:
            raise CommandError(f"{len(run.errors)} rule(s) failed: {', '.join(sorted(run.errors))}")
