"""Demo data for every role. Idempotent: running it twice changes nothing.

This is the one place where apps add demo data: each module listed in DEMO_MODULES (an app's `demo.py`,
or a module for data that needs two apps) has `seed(stdout)`, run in this order.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import print_logins
from accounts.models import User

DEMO_MODULES = [
    "core.demo",
    "accounts.demo",
    "enterprises.demo",
    "projects.demo",
    "deposits.demo",
    "cases.demo",
    "deposits.demo_links",  # draws and fund advances need both deposits and cases
    "blacklist.demo",
    "certificates.demo",
]


class Command(BaseCommand):
    help = "Create demo districts' users, departments and enterprises (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when users already exist.")

    def handle(self, *args, **options):

        if options["if_empty"] and User.objects.exists():
            self.stdout.write("Users exist already; demo data not loaded.")
            return
        with transaction.atomic():
            for name in DEMO_MODULES:
                import_module(name).seed(self.stdout)
        print_logins(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
