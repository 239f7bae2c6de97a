from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django_celery_beat.models import CrontabSchedule, PeriodicTask

MANAGED_PREFIX = "wagewatch: "


class Command(BaseCommand):
    help = "Create or update the periodic tasks listed in wagewatch/schedules.py (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        names = []
        for name, task, (minute, hour, dow, dom, moy) in settings.PERIODIC_TASKS:
            crontab, _ = CrontabSchedule.objects.get_or_create(
                minute=minute, hour=hour, day_of_week=dow, day_of_month=dom, month_of_year=moy,
                timezone="Asia/Shanghai",
            )
            full_name = MANAGED_PREFIX + name
            names.append(full_name)
            PeriodicTask.objects.update_or_create(
                name=full_name, defaults={"task": task, "crontab": crontab, "interval": None, "enabled": True}
            )
        removed, _ = PeriodicTask.objects.filter(name__startswith=MANAGED_PREFIX).exclude(name__in=names).delete()
        self.stdout.write(f"{len(names)} schedules in place, {removed} removed.")
