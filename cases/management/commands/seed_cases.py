from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = "Demo complaints and cases; with --scale, a year of Lanzhou-sized casework (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", action="store_true", help="Generate a year of Lanzhou-sized activity.")
        parser.add_argument("--year", type=int, default=None, help="The year to generate (default: last year).")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        from django.db import transaction

        from cases import demo, scale

        if not options["scale"]:
            with transaction.atomic():
                demo.seed(self.stdout)
            return
        year = options["year"] or timezone.localdate().year - 1
        try:
            scale.generate(year, seed=options["seed"], stdout=self.stdout)
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Scale data for {year} ready."))
