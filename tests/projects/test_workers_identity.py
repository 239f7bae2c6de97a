"""Resident ID validation, derived data, masks, encryption at rest, de-duplication by keyed hash."""

import datetime as dt

import pytest
from django.db import connection

from core.identity import InvalidIdNumber, parse_id_number
from kernel import crypto
from projects.models import Worker

from .factories import EmploymentFactory, WorkerFactory, id_number

pytestmark = pytest.mark.django_db


def test_a_valid_id_is_accepted_and_normalised():
    number = id_number(7)
    assert parse_id_number(f" {number[:6]} {number[6:]} ") == number
    assert parse_id_number("11010519491231002x") == "11010519491231002X"


@pytest.mark.parametrize(("value", "message"), [
    ("", "required"),
    ("62010219850312", "18 characters"),
    ("620102198503120010", "check digit"),
    ("620102198513120017", "not a valid"),  # month 13, right check digit
    ("990102198503120017", "not a valid"),  # no province 99
    ("620102203003120010", "not a valid"),  # born in the future
    (6.20102198503121e17, r"6\.20102E\+17"),
    ("6.20102E+17", "turned into a number"),
])
def test_invalid_ids_are_refused_with_a_clear_message(value, message):
    with pytest.raises(InvalidIdNumber, match=message):
        parse_id_number(value)


def test_sex_and_birth_date_come_from_the_id():
    man = WorkerFactory(id_number=id_number(1, born="19850312"))  # sequence 001: odd → male
    woman = WorkerFactory(id_number=id_number(2, born="19900101"))
    assert (man.sex, man.birth_date) == ("M", dt.date(1985, 3, 12))
    assert (woman.sex, woman.birth_date) == ("F", dt.date(1990, 1, 1))


def test_id_and_phone_are_encrypted_at_rest_and_shown_masked():
    worker = WorkerFactory(id_number=id_number(3), phone="13812345678")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, phone, id_number_index FROM projects_worker WHERE id = %s", [worker.pk])
        stored_id, stored_phone, index = cursor.fetchone()
        cursor.execute("SELECT id_number FROM projects_historicalworker WHERE id = %s", [worker.pk])
        history_id = cursor.fetchone()[0]
    for raw in (stored_id, stored_phone, index, history_id):
        assert id_number(3) not in raw and "13812345678" not in raw
    worker.refresh_from_db()
    assert worker.id_number == id_number(3)
    assert worker.masked_id_number == id_number(3)[:4] + "*" * 10 + id_number(3)[-4:]
    assert worker.masked_phone == "138****5678"


def test_wage_card_number_is_encrypted_and_masked():
    employment = EmploymentFactory(compliant=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT wage_card_number FROM projects_employment WHERE id = %s", [employment.pk])
        assert "6222021234567890123" not in cursor.fetchone()[0]
    assert employment.masked_card_number == "**** **** **** 0123"


def test_the_keyed_hash_finds_and_deduplicates_a_person():
    worker = WorkerFactory(id_number=id_number(4))
    assert worker.id_number_index == crypto.blind_index(id_number(4))
    assert Worker.objects.search(id_number(4).lower()).get() == worker
    with pytest.raises(Exception, match="unique|duplicate"):
        WorkerFactory(id_number=" " + id_number(4))


def test_a_contract_signed_after_entry_is_flagged():
    on_time = EmploymentFactory(entered_on=dt.date(2026, 3, 1), contract_signed_on=dt.date(2026, 3, 1))
    late = EmploymentFactory(entered_on=dt.date(2026, 3, 1), contract_signed_on=dt.date(2026, 3, 2))
    missing = EmploymentFactory(entered_on=dt.date(2026, 3, 1), contract_signed_on=None)
    assert not on_time.contract_after_entry
    assert late.contract_after_entry and missing.contract_after_entry


def test_older_workers_and_new_districts_are_accepted():
    """A 1970-born Chengguan worker and a Lanzhou New Area (620171) number are real IDs."""
    from stdnum.cn import ric

    for first17 in ("62010219700101001", "62017119900101001"):
        number = first17 + ric.calc_check_digit(first17 + "0")
        assert parse_id_number(number) == number
