"""Querysets of the early-warning app: scoping (an employer reads only the warnings addressed to it), the sets
the list filters ask for, and the city-wide reference rows (parameters, runs)."""

import datetime as dt

from django.db.models import Q, QuerySet

from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet, allowed_actions


class WarningQuerySet(ScopedQuerySet):
    def visible_to(self, user, action=Action.VIEW):
        qs = super().visible_to(user, action)
        if getattr(user, "role", None) == Role.ENTERPRISE and not user.is_superuser:
            # Internal warnings (a complaint not acted on, a case's deadline) are not the employer's to read:
            # Decree 423 Art. 9 protects complainants.
            qs = qs.filter(**{self.shown_path: True})
        return qs

    shown_path = "shown_to_enterprise"

    def open(self):
        return self.filter(status="open")

    def overdue(self, on: dt.date):
        return self.filter(status="open", due_on__lt=on)


class WarningEventQuerySet(WarningQuerySet):
    shown_path = "warning__shown_to_enterprise"


class ReferenceQuerySet(QuerySet):
    """City-wide rows (parameters in force, evaluation runs): every role that may view reads all of them."""

    def visible_to(self, user, action=Action.VIEW):
        if str(action) not in allowed_actions(user, self.model):
            return self.none()
        return self.all()

    def in_force(self, on: dt.date):
        return self.filter(Q(effective_from__lte=on))
