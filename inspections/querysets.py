"""Querysets of the inspections app: scoping, reference data every staff role reads, and what the public sees."""

import datetime as dt

from django.db import models
from django.db.models import Q

from kernel.roles import Action
from kernel.scoping import ScopedQuerySet, allowed_actions

from .choices import InspectorKind


class ReferenceQuerySet(models.QuerySet):
    """City-wide reference data (the items library, the policy): every role that may view reads all rows."""

    def visible_to(self, user, action=Action.VIEW):
        if str(action) not in allowed_actions(user, self.model):
            return self.none()
        return self.all()

    def in_force(self, on: dt.date):
        return (
            self.filter(effective_from__lte=on)
            .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
            .order_by("-effective_from")
        )


class InspectorQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(active=True)

    def enforcing(self, on: dt.date):
        """Full-time inspectors who may enforce on the day: active, with a certificate not expired."""
        return self.active().filter(kind=InspectorKind.FULL_TIME, certificate_expires_on__gte=on)

    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(
            Q(name__icontains=text) | Q(certificate_number__icontains=text) | Q(grid_area__icontains=text)
        )


class DrawQuerySet(ScopedQuerySet):
    def public(self):
        """Every draw whose commitment is out: the public page shows committed, drawn and superseded draws."""
        return self.all()


class ResultQuerySet(ScopedQuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)
