"""A logging filter that masks ID-card and bank-card numbers in log messages (ASVS 7.1.1) and
escapes line breaks so that user input cannot forge log lines (ASVS 7.3.1)."""

import logging
import re

# 18-digit resident ID (last char may be X) and 16-19 digit card numbers.
_ID = re.compile(r"(?<!\d)(\d{4})\d{10}(\d{3}[\dXx])(?!\d)")
_CARD = re.compile(r"(?<!\d)\d{12,15}(\d{4})(?!\d)")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def redact(text: str) -> str:
    text = _ID.sub(r"\1**********\2", text)
    text = _CARD.sub(r"**** **** **** \1", text)
    text = _PHONE.sub(r"\1****\2", text)
    return text.replace("\r", "\\r").replace("\n", "\\n")


class RedactingFilter(logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is logged as it is
            return True
        record.msg, record.args = redact(message), None
        return True
