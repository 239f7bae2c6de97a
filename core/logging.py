"""A logging filter that masks ID-card and bank-card numbers in log messages (ASVS 7.1.1) and
escapes line breaks so that user input cannot forge log lines (ASVS 7.3.1)."""

import logging
import re

from django.views.debug import ExceptionReporter

# 18-digit resident ID (last char may be X) and 16-19 digit card numbers.
_ID = re.compile(r"(?<!\d)(\d{4})\d{10}(\d{3}[\dXx])(?!\d)")
_CARD = re.compile(r"(?<!\d)\d{12,15}(\d{4})(?!\d)")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def redact(text: str) -> str:
    return redact_report(text).replace("\r", "\\r").replace("\n", "\\n")


class RedactingFilter(logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is logged as it is
            return True
        record.msg, record.args = redact(message), None
        return True


class RedactingExceptionReporter(ExceptionReporter):
    """Django's debug 500 page and the error e-mail with ID, card and phone numbers masked (issue 16): with
    DEBUG (the `make run` default) the page shows the query string, the form, every frame's local variables and
    the settings, any of which can hold a full ID number. The whole rendered report is redacted, so no part of
    it is missed. Settings: DEFAULT_EXCEPTION_REPORTER."""

    def get_traceback_html(self):
        return redact_report(super().get_traceback_html())

    def get_traceback_text(self):
        return redact_report(super().get_traceback_text())


def redact_report(text: str) -> str:
    """redact() without escaping line breaks: a report is a page, not a log line."""
    text = _ID.sub(r"\1**********\2", text)
    text = _CARD.sub(r"**** **** **** \1", text)
    return _PHONE.sub(r"\1****\2", text)
