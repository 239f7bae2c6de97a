"""Deadlines counted in a provisional calendar year carry a visible mark (core.workdays)."""

import datetime as dt

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.workdays import provisional_years

register = template.Library()


@register.simple_tag(takes_context=True)
def provisional_mark(context, *days):
    """A "暂定" badge after a deadline when any of the days (the deadline, and where it matters the day it
    was counted from) falls in a year whose working-day schedule is only provisional. One query per request."""
    request = context.get("request")
    years = getattr(request, "_provisional_years", None)
    if years is None:
        years = provisional_years()
        if request is not None:
            request._provisional_years = years
    hit = sorted({d.year for d in days if isinstance(d, dt.date) and d.year in years})
    if not hit:
        return ""
    return format_html(
        ' <span class="badge text-bg-warning" data-testid="provisional" title="{}">{}</span>',
        _("Counted with the provisional %(years)s schedule (statutory holidays only); the official schedule may "
          "change this date.") % {"years": "、".join(str(y) for y in hit)},
        _("provisional"))
