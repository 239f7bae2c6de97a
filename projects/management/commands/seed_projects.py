"""City-scale projects: `manage.py seed_projects --scale` (3,000 projects × 100 workers × 12 months)."""

import time

from django.core.management.base import BaseCommand, CommandError

from projects import generator


class Command(BaseCommand):
    help = ("Generate live construction projects with accounts, rosters and monthly payroll, streamed with COPY. "
            "Without --scale a small set (for a dev site); with --scale the Lanzhou size.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", action="store_true", help="3,000 projects, 300,000 workers, 12 months.")
        parser.add_argument("--projects", type=int, default=None)
        parser.add_argument("--workers", type=int, default=None, help="Workers per project.")
        parser.add_argument("--months", type=int, default=12)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale, projects, workers, months, seed, **options):
        projects = projects or (3000 if scale else 20)
        workers = workers or (100 if scale else 10)
        if projects <= 0 or workers <= 0 or not 1 <= months <= 36:
            raise CommandError("--projects and --workers must be positive, --months between 1 and 36")
        started = time.monotonic()
        try:
            counts = generator.generate(projects, workers, months, seed=seed, stdout=self.stdout)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"{counts['projects']} projects, {counts['workers']} workers, {counts['payroll_lines']} payroll lines, "
            f"{counts['attendance']} attendance rows in {time.monotonic() - started:.0f} s"))
