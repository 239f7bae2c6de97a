"""notify(): inbox messages in bulk, idempotent by key, deliveries queued after the commit."""

import datetime as dt
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone

from notifications import services, tasks
from notifications.choices import Channel, DeliveryStatus
from notifications.models import Delivery, Message
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reachable():
    return UserFactory(username="reachable", email="li@example.cn", phone="13812345678")


def test_one_message_per_recipient_and_key(personas, reachable):
    users = [personas.chengguan_official, personas.chengguan_inspector, reachable]
    assert services.notify(users, kind="reminder.test", title="期限提醒", key="k1") == 3
    assert services.notify(users, kind="reminder.test", title="期限提醒", key="k1") == 0
    assert services.notify([*users, personas.qilihe_official], kind="reminder.test", title="期限提醒", key="k1") == 1
    assert Message.objects.filter(key="k1").count() == 4
    assert Delivery.objects.count() == 2  # e-mail and SMS of the one user with an address and a phone


def test_without_a_key_every_call_adds(personas):
    services.notify([personas.city_admin], kind="x", title="一")
    services.notify([personas.city_admin], kind="x", title="二")
    assert Message.objects.filter(recipient=personas.city_admin).count() == 2


def test_inactive_and_duplicate_recipients_are_skipped(personas):
    personas.city_leader.is_active = False
    personas.city_leader.save()
    assert (
        services.notify([personas.city_admin, personas.city_admin, personas.city_leader], kind="x", title="一", key="k")
        == 1
    )


def test_deliveries_are_dispatched_only_after_the_commit(reachable, django_capture_on_commit_callbacks):
    with mock.patch.object(tasks.deliver, "apply_async") as queued:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.notify([reachable], kind="x", title="一", key="k")
        assert not queued.called
        for callback in callbacks:
            callback()
    assert sorted(call.args[0] for call in queued.call_args_list) == [
        (reachable.pk, Channel.EMAIL),
        (reachable.pk, Channel.SMS),
    ]


def test_a_rolled_back_notify_leaves_nothing(reachable, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        services.notify([reachable], kind="x", title="一", key="k")
        raise RuntimeError
    assert callbacks == []
    assert not Message.objects.exists()


def test_a_message_within_the_window_of_the_last_sent_waits_for_the_digest(reachable, settings):
    settings.NOTIFICATIONS_CHANNELS = ["email"]
    now = timezone.now()
    services.notify([reachable], kind="x", title="一", key="a")
    first = Delivery.objects.get()
    assert first.next_attempt_at <= timezone.now()
    Delivery.objects.filter(pk=first.pk).update(status=DeliveryStatus.SENT, sent_at=now)
    services.notify([reachable], kind="x", title="二", key="b")
    services.notify([reachable], kind="x", title="三", key="c")
    waiting = Delivery.objects.pending()
    assert waiting.count() == 2
    window = dt.timedelta(minutes=settings.NOTIFICATIONS_DIGEST_MINUTES)
    assert {d.next_attempt_at for d in waiting} == {now + window}
