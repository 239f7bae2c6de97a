from django.utils.translation import gettext_lazy as _

from core.dashboard import Stat, link

from .choices import Grade
from .models import Enterprise


def stats(user, today):
    return [
        Stat(_("Grade C enterprises (key monitoring)"),
             Enterprise.objects.visible_to(user).filter(grade=Grade.C).count(), link("enterprises:list", "grade=C"),
             "bi-award", "warning"),
    ]
