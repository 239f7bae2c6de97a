from django.utils.translation import gettext_lazy as _

from core.dashboard import Stat, link

from .models import ListingEntry


def stats(user, today):
    return [
        Stat(_("On the joint-punishment list"), ListingEntry.objects.visible_to(user).in_force(today).count(),
             link("blacklist:list"), "bi-slash-circle"),
    ]
