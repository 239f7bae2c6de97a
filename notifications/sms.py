"""The SMS interface: one function, `send(phone, text)`, and the backend chosen by a setting.

NOTIFICATIONS_SMS_BACKEND names a class with a `send(phone, text)` method that raises SmsError when the
message was not accepted:

- ``notifications.sms.LoggingBackend`` (the default): writes the masked number and the text to the log. For
  development, tests and any deployment without a gateway contract.
- ``notifications.sms.HttpGatewayBackend``: POSTs ``{"phone": …, "text": …, "sign": …}`` as JSON to
  NOTIFICATIONS_SMS_URL with the header ``Authorization: Bearer <NOTIFICATIONS_SMS_KEY>``, waiting at most
  NOTIFICATIONS_SMS_TIMEOUT seconds; any 2xx answer is success. Which gateway the city contracts (an
  operator's or the government SMS platform) is a deployment choice; a gateway with another request shape gets
  its own small class here.
"""

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string

from kernel.masking import mask_phone

logger = logging.getLogger(__name__)


class SmsError(Exception):
    """The gateway did not accept the message (the delivery is retried)."""


class LoggingBackend:
    def send(self, phone: str, text: str) -> None:
        logger.info("sms to %s: %s", mask_phone(phone), text)


class HttpGatewayBackend:
    def __init__(self, url=None, key=None, timeout=None, sign=None):
        self.url = url or settings.NOTIFICATIONS_SMS_URL
        self.key = key if key is not None else settings.NOTIFICATIONS_SMS_KEY
        self.timeout = timeout or settings.NOTIFICATIONS_SMS_TIMEOUT
        self.sign = sign if sign is not None else settings.NOTIFICATIONS_SMS_SIGN
        if not self.url:
            raise SmsError("NOTIFICATIONS_SMS_URL is not set")

    def send(self, phone: str, text: str) -> None:
        payload = json.dumps({"phone": phone, "text": text, "sign": self.sign}).encode()
        request = urllib.request.Request(
            self.url,
            data=payload,
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured URL)
                status = response.status
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise SmsError(f"gateway unreachable: {exc}") from exc
        if not 200 <= status < 300:
            raise SmsError(f"gateway answered {status}")
        logger.info("sms to %s accepted by the gateway", mask_phone(phone))


def backend():
    return import_string(settings.NOTIFICATIONS_SMS_BACKEND)()


def send(phone: str, text: str) -> None:
    backend().send(phone, text)
