"""Querysets of the blacklist app: scoping, what is in force on a day, and what the public may see."""

import datetime as dt

from django.db.models import Q

from accounts.models import DepartmentGrant
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from .choices import BatchStatus, ListingStatus

# 45号 (prior notice, 陈述申辩): until the decision the entry is a proposal the party may still object to, so
# departments (joint punishment) read published entries only. The named grant below (a proxy model, so it is
# a resource an administrator can pick in DepartmentGrant) lets a department read them earlier.
PRE_PUBLICATION_GRANT = "blacklist.prepublicationlisting"


def published_only_for_departments(qs, user, path: str = ""):
    """Narrow a department client's rows to published entries, unless its department holds the
    pre-publication grant. Other roles are unchanged (the party itself and staff see the proposal)."""
    if getattr(user, "role", None) != Role.API_CLIENT or user.is_superuser:
        return qs

    if DepartmentGrant.objects.filter(department_id=user.department_id, resource=PRE_PUBLICATION_GRANT).exists():
        return qs
    return qs.filter(**{f"{path}published_at__isnull": False})


class EntryChildQuerySet(ScopedQuerySet):
    """Rows of one entry (persons, notices): a department reads them as far as it reads the entry."""

    def visible_to(self, user, action=Action.VIEW):
        return published_only_for_departments(super().visible_to(user, action), user, "entry__")


class ListingQuerySet(ScopedQuerySet):
    def visible_to(self, user, action=Action.VIEW):
        return published_only_for_departments(super().visible_to(user, action), user)

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
