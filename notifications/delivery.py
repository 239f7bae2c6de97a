"""Sending the outbound deliveries of one user on one channel: the digest, the retries, the failure record.

A user's e-mail or SMS deliveries that are due together go out as one message: the title of the one, or a
digest listing the titles. When several are queued within NOTIFICATIONS_DIGEST_MINUTES of the last one sent,
they wait for the end of that window (notify() sets their next attempt) and leave as one digest; the inbox
keeps each message. A failed send is retried with exponential backoff (NOTIFICATIONS_RETRY_BASE_SECONDS ×
2^(attempt − 1)) up to NOTIFICATIONS_MAX_ATTEMPTS, then the deliveries are stored as failed for an
administrator to resend (services.resend)."""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kernel.masking import mask_phone

from . import sms
from .choices import Channel, DeliveryStatus
from .models import Delivery

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    sent: int = 0
    failed: int = 0
    retry_in: int | None = None  # seconds until the next attempt, when one is due


def digest_window() -> dt.timedelta:
    return dt.timedelta(minutes=settings.NOTIFICATIONS_DIGEST_MINUTES)


def backoff_seconds(attempts: int) -> int:
    """The wait after the `attempts`-th failed attempt: base, 2 × base, 4 × base, …"""
    return settings.NOTIFICATIONS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)


def next_attempts(pairs, now) -> dict[tuple[int, str], dt.datetime]:
    """{(user id, channel): when a new delivery should go} for the given pairs: now, unless the user was sent
    something on that channel within the digest window or already has deliveries waiting, in which case the
    new one joins them at the end of the window (one digest, not fifty messages)."""
    user_ids = {user_id for user_id, _channel in pairs}
    by_pair = (
        Delivery.objects.filter(message__recipient_id__in=user_ids, channel__in=Channel.outbound())
        .values_list("message__recipient_id", "channel")
        .annotate(
            last_sent=Max("sent_at"),
            waiting=Max("next_attempt_at", filter=Q(status=DeliveryStatus.PENDING, next_attempt_at__gt=now)),
        )
    )
    known = {(user_id, channel): (last_sent, waiting) for user_id, channel, last_sent, waiting in by_pair}
    found = {}
    for pair in pairs:
        last_sent, waiting = known.get(pair, (None, None))
        candidates = [now]
        if last_sent is not None:
            candidates.append(last_sent + digest_window())
        if waiting is not None:
            candidates.append(waiting)
        found[pair] = max(candidates)
    return found


def _address(user, channel):
    return user.email if channel == Channel.EMAIL else user.phone


def _compose(messages):
    """(subject, text) of one message or of a digest of several, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        base = settings.NOTIFICATIONS_SITE_URL.rstrip("/")
        if len(messages) == 1:
            message = messages[0]
            lines = [message.title]
            if message.body:
                lines.append(message.body)
            if message.link:
                lines.append(base + message.link)
            return message.title, "\n\n".join(lines)
        subject = ngettext("%(count)d new message", "%(count)d new messages", len(messages)) % {"count": len(messages)}
        lines = [subject] + [f"{number}. {message.title}" for number, message in enumerate(messages, start=1)]
        inbox = base + settings.NOTIFICATIONS_INBOX_PATH
        lines.append(_("Read them in your WageWatch inbox: %(url)s") % {"url": inbox})
        return subject, "\n".join(lines)


def _send(user, channel, subject, text):
    if channel == Channel.EMAIL:
        send_mail(subject, text, None, [user.email])
    else:
        sms.send(user.phone, text[: settings.NOTIFICATIONS_SMS_MAX_CHARS])


def deliver_due(user_id: int, channel: str, now=None) -> Outcome:
    """Send the user's due deliveries on the channel as one message. Idempotent: the rows are locked and
    stamped in one transaction, so a second run (a redelivered task) finds nothing due; rows another worker
    holds are skipped."""
    now = now or timezone.now()
    user = get_user_model().objects.filter(pk=user_id).first()
    with transaction.atomic():
        deliveries = list(
            Delivery.objects.due(now)
            .select_for_update(skip_locked=True, of=("self",))
            .filter(message__recipient_id=user_id, channel=channel)
            .select_related("message")
            .order_by("message__created_at", "pk")
        )
        if not deliveries:
            return Outcome()
        address = _address(user, channel) if user is not None and user.is_active else ""
        error = ""
        if not address:
            error = "no address"
        else:
            subject, text = _compose([d.message for d in deliveries])
            try:
                _send(user, channel, subject, text)
            except Exception as exc:  # noqa: BLE001 (any transport error is recorded and retried)
                error = f"{type(exc).__name__}: {exc}"[:500]
        for delivery in deliveries:
            delivery.attempts += 1
        if not error:
            for delivery in deliveries:
                delivery.status, delivery.sent_at, delivery.last_error = DeliveryStatus.SENT, now, ""
                delivery.next_attempt_at = None
            Delivery.objects.bulk_update(deliveries, ["attempts", "status", "sent_at", "last_error", "next_attempt_at"])
            return Outcome(sent=len(deliveries))
        target = mask_phone(address) if channel == Channel.SMS else "(e-mail)"
        logger.warning(
            "delivery of %d %s message(s) to user %s %s failed: %s", len(deliveries), channel, user_id, target, error
        )
        give_up = [d for d in deliveries if d.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS or not address]
        retry = [d for d in deliveries if d not in give_up]
        for delivery in give_up:
            delivery.status = DeliveryStatus.FAILED
            delivery.next_attempt_at = None
        wait = backoff_seconds(max((d.attempts for d in retry), default=1))
        for delivery in retry:
            delivery.next_attempt_at = now + dt.timedelta(seconds=backoff_seconds(delivery.attempts))
        for delivery in deliveries:
            delivery.last_error = error
        Delivery.objects.bulk_update(deliveries, ["attempts", "status", "next_attempt_at", "last_error"])
        return Outcome(failed=len(give_up), retry_in=wait if retry else None)
