"""Querysets of reference data that belongs to the whole city (policies, thresholds, targets)."""

import datetime as dt

from django.db import models
from django.utils import timezone

from kernel.roles import Action
from kernel.scoping import allowed_actions


class CityWideQuerySet(models.QuerySet):
    """Reference data of the whole city: every role that may take the action reads all rows; there is no
    district to scope by."""

    def visible_to(self, user, action=Action.VIEW):
        if str(action) not in allowed_actions(user, self.model):
            return self.none()
        return self.all()


class InForceQuerySet(CityWideQuerySet):
    """Effective-dated city-wide rows (`effective_from`, optional `effective_to`, both days included): a
    change is a new row from a date on, so every past decision stays explainable with the rule it used."""

    def in_force(self, on: dt.date | None = None):
        """The rows in force on the day (today by default), the latest start first."""
        day = on or timezone.localdate()
        return (
            self.filter(effective_from__lte=day)
            .filter(models.Q(effective_to__isnull=True) | models.Q(effective_to__gte=day))
            .order_by("-effective_from")
        )
