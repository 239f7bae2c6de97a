"""Querysets of the blacklist app: scoping, what is in force on a day, and what the public may see."""

import datetime as dt

from django.db import models
from django.db.models import Q

from accounts.choices import Action
from core.scoping import ScopedQuerySet, allowed_actions

from .choices import BatchStatus, ListingStatus


class PolicyQuerySet(models.QuerySet):
    """City-wide reference data with effective dates: every role that may view reads all rows."""

    def visible_to(self, user, action=Action.VIEW):
        if str(action) not in allowed_actions(user, self.model):
            return self.none()
        return self.all()

    def in_force(self, on: dt.date):
        return (self.filter(effective_from__lte=on).filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
                .order_by("-effective_from"))


class ListingQuerySet(ScopedQuerySet):
    def in_force(self, on: dt.date):
        """Entries that bind on the day: decided and listed, not yet expired or removed (the expiry task
        may not have run yet: the date decides, never a stale status)."""
        return self.filter(status__in=ListingStatus.in_force(), listed_on__lte=on, expires_on__gt=on)

    def public(self, on: dt.date):
        """What the public list shows: in force and published, publication not withdrawn."""
        return self.in_force(on).filter(published_at__isnull=False, publication_withdrawn_at__isnull=True)

    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(enterprise__name__icontains=text) | Q(enterprise__credit_code__icontains=text.upper())
                           | Q(decision_number__icontains=text) | Q(case__number__icontains=text))


class PublishedViolationQuerySet(ScopedQuerySet):
    def public(self):
        return self.filter(batch__status=BatchStatus.PUBLISHED, excluded=False, withdrawn_at__isnull=True)

    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(enterprise_name__icontains=text) | Q(credit_code__icontains=text.upper()))
