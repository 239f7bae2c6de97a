from django.db import models
from django.utils import timezone

from .choices import DeliveryStatus


class MessageQuerySet(models.QuerySet):
    def for_recipient(self, user):
        """A user's own messages: the inbox reads only these, so another's message answers 404."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class DeliveryQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=DeliveryStatus.PENDING)

    def failed(self):
        return self.filter(status=DeliveryStatus.FAILED)

    def due(self, now=None):
        return self.pending().filter(next_attempt_at__lte=now or timezone.now())
