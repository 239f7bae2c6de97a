"""Querysets of the certificates app."""

import datetime as dt

from django.db import models
from django.db.models import Q

from kernel.roles import Action
from kernel.scoping import ScopedQuerySet, allowed_actions

from .choices import CertificateStatus


class PolicyQuerySet(models.QuerySet):
    """City-wide reference data with effective dates."""

    def visible_to(self, user, action=Action.VIEW):
        if str(action) not in allowed_actions(user, self.model):
            return self.none()
        return self.all()

    def in_force(self, on: dt.date):
        return (self.filter(effective_from__lte=on).filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
                .order_by("-effective_from"))


class CertificateQuerySet(ScopedQuerySet):
    def active(self, on: dt.date):
        """Not revoked and not expired on the day."""
        return self.filter(status=CertificateStatus.VALID, valid_until__gte=on)

    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(serial__iexact=text) | Q(enterprise__name__icontains=text)
                           | Q(enterprise__credit_code__icontains=text.upper()))
