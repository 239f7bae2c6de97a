"""Generate synthetic enterprises at city scale: `manage.py seed_enterprises --scale 35000`."""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from enterprises import generator
from enterprises.models import Enterprise
from kernel.roles import Role


class Command(BaseCommand):
    help = ("Generate enterprises with the Lanzhou grade mix, set-based (bulk_create); grades are proposed "
            "and confirmed through the grading service. Adds enterprises until --scale exist.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=generator.LANZHOU_TOTAL,
                        help="How many enterprises should exist in total (default 35000).")
        parser.add_argument("--year", type=int, default=None, help="Evaluation year (default: this year).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed, for repeatable data.")

    def handle(self, *args, scale, year, seed, **options):
        if scale <= 0:
            raise CommandError("--scale must be positive")
        existing = Enterprise.objects.count()
        missing = scale - existing
        if missing <= 0:
            self.stdout.write(f"{existing} enterprises exist already; nothing to do.")
            return
        actor = self._actor()
        start = generator.SERIAL_OFFSET + Enterprise.objects.filter(
            credit_code__regex=r"^91\d{6}1\d{7}X").count()
        generator.generate(missing, year=year, actor=actor, seed=seed, start_serial=start, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{Enterprise.objects.count()} enterprises on file."))

    def _actor(self):
        """Grades are confirmed by a city administrator: the first one, or a system account that cannot log in."""
        actor = User.objects.filter(role=Role.CITY_ADMIN, is_active=True).order_by("pk").first()
        if actor is None:
            actor = User(username="system", name="系统", role=Role.CITY_ADMIN)
            actor.set_unusable_password()
            actor.save()
        return actor
