"""Querysets of the certificates app."""

import datetime as dt

from django.db.models import Q

from kernel.scoping import ScopedQuerySet

from .choices import CertificateStatus


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
