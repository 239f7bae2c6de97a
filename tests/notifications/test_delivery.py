"""Sending: one digest per user and channel, retries with backoff, failure stored, resend."""

import datetime as dt
import logging
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.utils import timezone

from audit.models import AuditEvent
from notifications import delivery, services, sms, tasks
from notifications.choices import DeliveryStatus
from notifications.models import Delivery
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(settings):
    settings.NOTIFICATIONS_CHANNELS = ["email"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return UserFactory(username="person", email="li@example.cn", phone="13812345678")


def _queue(user, *titles):
    for number, title in enumerate(titles):
        services.notify([user], kind="x", title=title, key=f"k{number}")


def test_deliveries_due_together_leave_as_one_digest(person):
    _queue(person, "案件甲调查期限将至", "案件乙调查期限将至", "保证金丙需补足")
    Delivery.objects.update(next_attempt_at=timezone.now())
    outcome = delivery.deliver_due(person.pk, "email")
    assert outcome.sent == 3
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "案件甲调查期限将至" in body and "保证金丙需补足" in body
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    # a redelivered task finds nothing due and sends nothing twice
    assert delivery.deliver_due(person.pk, "email").sent == 0
    assert len(mail.outbox) == 1


def test_a_single_message_is_sent_as_itself(person):
    services.notify([person], kind="x", title="投诉受理期限将至", link="/cases/complaints/1/", key="one")
    delivery.deliver_due(person.pk, "email")
    assert mail.outbox[0].subject == "投诉受理期限将至"
    assert "/cases/complaints/1/" in mail.outbox[0].body


def test_not_yet_due_deliveries_wait(person):
    _queue(person, "一")
    Delivery.objects.update(next_attempt_at=timezone.now() + dt.timedelta(minutes=5))
    assert delivery.deliver_due(person.pk, "email").sent == 0
    assert mail.outbox == []


def test_a_failure_is_retried_with_exponential_backoff_then_stored(person, settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 60
    _queue(person, "一")
    now = timezone.now()
    with mock.patch.object(delivery, "send_mail", side_effect=ConnectionRefusedError("smtp down")):
        first = delivery.deliver_due(person.pk, "email", now)
        row = Delivery.objects.get()
        assert (first.retry_in, row.attempts, row.status) == (60, 1, DeliveryStatus.PENDING)
        assert row.next_attempt_at == now + dt.timedelta(seconds=60)
        assert "smtp down" in row.last_error
        assert delivery.deliver_due(person.pk, "email", now).sent == 0  # not due before the backoff
        second = delivery.deliver_due(person.pk, "email", now + dt.timedelta(seconds=60))
        assert second.retry_in == 120
        third = delivery.deliver_due(person.pk, "email", now + dt.timedelta(seconds=180))
    row.refresh_from_db()
    assert (third.retry_in, third.failed) == (None, 1)
    assert (row.status, row.attempts, row.next_attempt_at) == (DeliveryStatus.FAILED, 3, None)


def test_the_task_asks_celery_to_retry_with_the_backoff(person, settings):
    settings.NOTIFICATIONS_RETRY_BASE_SECONDS = 30
    _queue(person, "一")
    with (
        mock.patch.object(delivery, "send_mail", side_effect=OSError("down")),
        mock.patch.object(tasks.deliver, "retry", side_effect=Retry) as retry,
        pytest.raises(Retry),
    ):
        tasks.deliver(person.pk, "email")
    assert retry.call_args.kwargs == {"countdown": 30}


def test_a_user_without_an_address_fails_at_once(person):
    _queue(person, "一")
    person.email = ""
    person.save()
    outcome = delivery.deliver_due(person.pk, "email")
    assert (outcome.failed, outcome.retry_in) == (1, None)
    assert Delivery.objects.get().last_error == "no address"


def test_resend_queues_the_failed_again_and_is_audited(person, personas, django_capture_on_commit_callbacks):
    _queue(person, "一")
    Delivery.objects.update(status=DeliveryStatus.FAILED, attempts=5, last_error="x", next_attempt_at=None)
    with mock.patch.object(tasks.deliver, "apply_async") as queued, django_capture_on_commit_callbacks(execute=True):
        assert services.resend(list(Delivery.objects.values_list("pk", flat=True)), actor=personas.city_admin) == 1
    row = Delivery.objects.get()
    assert (row.status, row.attempts, row.last_error) == (DeliveryStatus.PENDING, 0, "")
    assert queued.call_args.args[0] == (person.pk, "email")
    assert AuditEvent.objects.filter(event="notification_resent", actor=personas.city_admin).exists()
    delivery.deliver_due(person.pk, "email")
    assert len(mail.outbox) == 1


def test_the_sweep_queues_what_is_due(person):
    _queue(person, "一")
    with mock.patch.object(tasks.deliver, "apply_async") as queued:
        assert tasks.sweep() == {"queued": 1}
    assert queued.call_args.args[0] == (person.pk, "email")


def test_the_logging_sms_backend_masks_the_number(caplog, settings):
    settings.NOTIFICATIONS_SMS_BACKEND = "notifications.sms.LoggingBackend"
    with caplog.at_level(logging.INFO, logger="notifications.sms"):
        sms.send("13812345678", "案件期限提醒")
    assert "138****5678" in caplog.text
    assert "13812345678" not in caplog.text
    assert "案件期限提醒" in caplog.text


def test_sms_goes_through_the_configured_backend(settings):
    settings.NOTIFICATIONS_CHANNELS = ["sms"]
    sent = []

    class Recorder:
        def send(self, phone, text):
            sent.append((phone, text))

    user = UserFactory(username="texted", phone="13912345678")
    services.notify([user], kind="x", title="保证金补足提醒", key="s")
    with mock.patch.object(sms, "backend", return_value=Recorder()):
        assert delivery.deliver_due(user.pk, "sms").sent == 1
    assert sent == [("13912345678", "保证金补足提醒")]


def test_the_http_gateway_backend_posts_json_with_a_timeout(settings):
    settings.NOTIFICATIONS_SMS_URL = "https://sms.example.cn/send"
    settings.NOTIFICATIONS_SMS_KEY = "secret"
    response = mock.MagicMock(status=200)
    response.__enter__.return_value = response
    with mock.patch("urllib.request.urlopen", return_value=response) as urlopen:
        sms.HttpGatewayBackend().send("13812345678", "提醒")
    (request,) = urlopen.call_args.args
    assert request.full_url == "https://sms.example.cn/send"
    assert request.get_header("Authorization") == "Bearer secret"
    assert b'"phone": "13812345678"' in request.data
    assert urlopen.call_args.kwargs["timeout"] == settings.NOTIFICATIONS_SMS_TIMEOUT


def test_the_http_gateway_backend_reports_a_refusal(settings):
    settings.NOTIFICATIONS_SMS_URL = "https://sms.example.cn/send"
    response = mock.MagicMock(status=503)
    response.__enter__.return_value = response
    with mock.patch("urllib.request.urlopen", return_value=response), pytest.raises(sms.SmsError):
        sms.HttpGatewayBackend().send("13812345678", "提醒")
