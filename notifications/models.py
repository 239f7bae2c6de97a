"""What the platform told whom: one Message per recipient (the inbox), and one Delivery per outbound channel
(e-mail, SMS) with its attempts, so that a failed one can be seen and resent."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import Channel, DeliveryStatus
from .querysets import DeliveryQuerySet, MessageQuerySet


class Message(models.Model):
    """One notification in one user's inbox. A `key` makes it idempotent: one message per recipient and key."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=64)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    key = models.CharField(_("key"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~Q(key=""), name="uniq_message_recipient_key"
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="message_recipient_unread")]

    def __str__(self):
        return self.title

    @property
    def is_read(self):
        return self.read_at is not None


class Delivery(models.Model):
    """One message sent (or to be sent) on one outbound channel. Deliveries of one user and channel that
    fall due together are sent as one digest."""

    message = models.ForeignKey(Message, verbose_name=_("message"), on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-pk"]
        constraints = [models.UniqueConstraint(fields=["message", "channel"], name="uniq_delivery_channel")]
        indexes = [models.Index(fields=["status", "channel", "next_attempt_at"], name="delivery_due")]

    def __str__(self):
        return f"{self.message} · {self.get_channel_display()}"
