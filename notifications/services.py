"""Notifications: the one way any app tells people something (in-app inbox, e-mail, SMS).

notify() writes the inbox messages and queues the outbound deliveries; the worker sends them after the
transaction commits (notifications.tasks, notifications.delivery). mark_read and resend are the actions on
them; every query of a user's messages goes through Message.objects.for_recipient."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit import events
from audit.kinds import AuditKind

from . import delivery, tasks
from .choices import Channel, DeliveryStatus
from .models import Delivery, Message


def _channels_of(user) -> list[str]:
    wanted = settings.NOTIFICATIONS_CHANNELS
    found = []
    if Channel.EMAIL in wanted and user.email:
        found.append(Channel.EMAIL)
    if Channel.SMS in wanted and user.phone:
        found.append(Channel.SMS)
    return found


def notify(recipients, *, kind: str, title: str, body: str = "", link: str = "", key: str = "") -> int:
    """Queue a message to each user in ``recipients`` (an iterable of accounts.User) after the current
    transaction commits. ``kind`` names the source ("warning.raised", "reminder.case_deadline"), ``title``
    and ``body`` are plain text in the recipient's language (zh-Hans), ``link`` a site path, ``key`` makes it
    idempotent: a second call with the same key for the same user adds nothing. Returns how many messages
    were queued."""
    users = {user.pk: user for user in recipients if user is not None and user.is_active}
    if not users:
        return 0
    title, link, key = title[:200], link[:300], key[:200]
    with transaction.atomic():
        if key:
            seen = set(Message.objects.filter(recipient_id__in=users, key=key).values_list("recipient_id", flat=True))
            new = [pk for pk in users if pk not in seen]
            Message.objects.bulk_create(
                [Message(recipient_id=pk, kind=kind, title=title, body=body, link=link, key=key) for pk in new],
                ignore_conflicts=True,
            )  # a concurrent notify() with the same key wrote it first: nothing twice
            messages = list(Message.objects.filter(recipient_id__in=new, key=key))
        else:
            messages = Message.objects.bulk_create(
                [Message(recipient_id=pk, kind=kind, title=title, body=body, link=link) for pk in users]
            )
        _queue_deliveries(messages, users)
    return len(messages)


def _queue_deliveries(messages, users) -> None:
    now = timezone.now()
    wanted = [(message, channel) for message in messages for channel in _channels_of(users[message.recipient_id])]
    if not wanted:
        return
    when = delivery.next_attempts({(m.recipient_id, c) for m, c in wanted}, now)
    Delivery.objects.bulk_create(
        [
            Delivery(message=message, channel=channel, next_attempt_at=when[(message.recipient_id, channel)])
            for message, channel in wanted
        ],
        ignore_conflicts=True,
    )
    pairs = [(user_id, channel, at) for (user_id, channel), at in when.items()]
    transaction.on_commit(lambda: tasks.dispatch(pairs, now))


def mark_read(user, message_id) -> int:
    """Mark one of the user's own messages read (an id of another's message changes nothing)."""
    return Message.objects.for_recipient(user).unread().filter(pk=message_id).update(read_at=timezone.now())


def mark_all_read(user) -> int:
    return Message.objects.for_recipient(user).unread().update(read_at=timezone.now())


def unread_count(user) -> int:
    return Message.objects.for_recipient(user).unread().count()


@transaction.atomic
def resend(delivery_ids, *, actor) -> int:
    """Queue failed deliveries again (a fresh set of attempts), audited; sent after the commit."""
    now = timezone.now()
    rows = list(
        Delivery.objects.failed().select_for_update(of=("self",)).filter(pk__in=delivery_ids).select_related("message")
    )
    if not rows:
        return 0
    for row in rows:
        row.status, row.attempts, row.next_attempt_at, row.last_error = DeliveryStatus.PENDING, 0, now, ""
    Delivery.objects.bulk_update(rows, ["status", "attempts", "next_attempt_at", "last_error"])
    events.record(AuditKind.NOTIFICATION_RESENT, actor=actor, count=len(rows), deliveries=[r.pk for r in rows][:500])
    pairs = {(row.message.recipient_id, row.channel, now) for row in rows}
    transaction.on_commit(lambda: tasks.dispatch(pairs, now))
    return len(rows)
