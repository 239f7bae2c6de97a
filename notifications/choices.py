from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a message reaches its recipient. The inbox is the message itself (every message is in it); e-mail
    and SMS are deliveries, sent by a worker, retried and combined into digests."""

    INBOX = "inbox", _("Inbox")
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")

    @classmethod
    def outbound(cls):
        return [cls.EMAIL, cls.SMS]


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
