from django.utils.translation import gettext_lazy as _

from core.dashboard import Stat, link

from .models import Deposit


def stats(user, today):
    deposits = Deposit.objects.visible_to(user)
    return [
        Stat(_("Deposits overdue"), deposits.overdue(today).count(), link("deposits:list", "overdue=true"),
             "bi-safe", "danger"),
        Stat(_("Guarantees expiring within a month"), deposits.expiring(today).count(),
             link("deposits:list", "expiring=true"), "bi-hourglass-split", "warning"),
    ]
