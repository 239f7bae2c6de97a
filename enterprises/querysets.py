"""Querysets of the enterprises app: scoping variants and reusable predicates."""

from django.db import models

from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet, allowed_actions

from .choices import GradeStatus


class EnterpriseQuerySet(ScopedQuerySet):
    def search(self, text: str):
        """Name (part of it) or credit code (part of it, any case)."""
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(models.Q(name__icontains=text) | models.Q(credit_code__icontains=text.upper()))


class CreditGradeQuerySet(ScopedQuerySet):
    def visible_to(self, user, action=Action.VIEW):
        """Enterprises see their own confirmed grades only, never an official's pending proposal."""
        qs = super().visible_to(user, action)
        if getattr(user, "role", None) == Role.ENTERPRISE and not user.is_superuser:
            qs = qs.filter(status=GradeStatus.CONFIRMED)
        return qs

    def proposed(self):
        return self.filter(status=GradeStatus.PROPOSED)

    def confirmed(self):
        return self.filter(status=GradeStatus.CONFIRMED)


class TimelineQuerySet(ScopedQuerySet):
    def visible_to(self, user, action=Action.VIEW):
        """An enterprise reads only the entries served on it (orders, decisions, notices, certificates, its own
        registration), never the investigation side: complaints, assignments, transfers (Decree 423 Art. 9)."""
        qs = super().visible_to(user, action)
        if getattr(user, "role", None) == Role.ENTERPRISE and not user.is_superuser:
            qs = qs.filter(visible_to_enterprise=True)
        return qs


class OwnJobQuerySet(models.QuerySet):
    """Import jobs: city roles see all of them, everyone else the jobs they started."""

    def visible_to(self, user, action=Action.VIEW):
        if str(action) not in allowed_actions(user, self.model):
            return self.none()
        if user.is_superuser or user.role in Role.city_wide():
            return self.all()
        return self.filter(created_by=user)
