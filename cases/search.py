"""Complaints and cases in the header search (core.search): tracking number, case number or employer."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import Row, section

from .models import Case, Complaint


def sections(user, query):
    if not query.text:
        return []
    complaints = Complaint.objects.visible_to(user).search(query.text).order_by("-received_on", "-pk")
    cases = Case.objects.visible_to(user).search(query.text).order_by("-filed_on", "-pk")
    return [
        section("complaints", _("Complaints"), complaints,
                lambda c: Row(c.tracking_number, c.get_absolute_url(),
                              f"{c.employer_name} · {c.received_on:%Y-%m-%d} · {c.get_status_display()}"),
                f"{reverse('cases:complaints')}?{urlencode({'q': query.text})}"),
        section("cases", _("Cases"), cases,
                lambda c: Row(c.number, c.get_absolute_url(), f"{c.employer_name} · {c.get_status_display()}"),
                f"{reverse('cases:list')}?{urlencode({'q': query.text})}"),
    ]
