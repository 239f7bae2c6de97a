"""Encryption at rest, masks and log redaction for ID, card and phone numbers."""

import logging

import pytest
from django.db import connection

from core.logging import RedactingFilter, redact
from kernel import crypto
from kernel.masking import mask_bank_card, mask_id_number, mask_phone
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def test_masks_follow_the_ui_conventions():
    assert mask_id_number("62010219900101123X") == "6201**********123X"
    assert mask_bank_card("6222021234567890123") == "**** **** **** 0123"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0931-8888123") == "********8123"
    assert mask_id_number("") == mask_phone(None) == ""


def test_phone_is_encrypted_in_the_database():
    contact = ContactFactory(phone="13812345678")
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM enterprises_contact WHERE id = %s", [contact.pk])
        stored = cursor.fetchone()[0]
    assert "13812345678" not in stored
    contact.refresh_from_db()
    assert contact.phone == "13812345678"
    assert contact.masked_phone == "138****5678"


def test_blind_index_is_keyed_and_normalised(settings):
    a = crypto.blind_index("62010219900101123x")
    assert a == crypto.blind_index(" 62010219900101123X ")
    assert "62010219900101123" not in a
    settings.BLIND_INDEX_KEY = "another-key"
    assert crypto.blind_index("62010219900101123X") != a


def test_key_rotation_keeps_old_values_readable(settings):
    from cryptography.fernet import Fernet

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    crypto.reset_cache()
    token = crypto.encrypt("13812345678")
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    crypto.reset_cache()
    assert crypto.decrypt(token) == "13812345678"
    rotated = crypto.rotate(token)
    settings.FIELD_ENCRYPTION_KEYS = [new]
    crypto.reset_cache()
    assert crypto.decrypt(rotated) == "13812345678"
    crypto.reset_cache()


def test_log_lines_never_carry_full_numbers():
    line = redact("worker 62010219900101123X card 6222021234567890123 phone 13812345678")
    assert "62010219900101123X" not in line and "6201**********123X" in line
    assert "6222021234567890123" not in line and "0123" in line
    assert "13812345678" not in line and "138****5678" in line


def test_log_lines_cannot_be_forged_with_line_breaks():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "enterprise %s", ("a\n2026-01-01 ERROR forged",), None)
    RedactingFilter().filter(record)
    assert "\n" not in record.getMessage()
    assert "\\n2026-01-01 ERROR forged" in record.getMessage()
