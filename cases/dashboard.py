from django.utils.translation import gettext_lazy as _

from core.dashboard import Stat, link

from .models import Case, Complaint


def stats(user, today):
    complaints = Complaint.objects.visible_to(user)
    cases = Case.objects.visible_to(user)
    return [
        Stat(_("Complaints awaiting a decision"), complaints.open().count(),
             link("cases:complaints", "status=received"), "bi-megaphone"),
        Stat(_("Decisions overdue"), complaints.open().filter(acceptance_deadline__lt=today).count(),
             link("cases:complaints", "overdue=true"), "bi-alarm", "danger"),
        Stat(_("Open cases"), cases.open().count(), link("cases:list", "open=true"), "bi-folder2-open"),
        Stat(_("Cases past a deadline"), cases.open().overdue(today).count(), link("cases:list", "overdue=true"),
             "bi-exclamation-triangle", "danger"),
    ]
