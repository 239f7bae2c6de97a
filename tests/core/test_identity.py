"""The one resident ID validator (core.identity): real numbers whose region code stdnum's dated table does not
know, or knows only from a later date, are valid; odd input never raises anything but InvalidIdNumber; and no
module calls stdnum's region-checking `ric.is_valid`/`ric.validate` (the class of the intake 500)."""

import pathlib
import re

import pytest

from core.identity import InvalidIdNumber, birth_date_of, home_region_of, is_valid_id_number, parse_id_number, sex_of

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("number", [
    "62017119950601001X",  # 兰州高新区 620171: not in stdnum's table (its validate raises KeyError)
    "620102197506010018",  # 城关区 620102, born 1975: stdnum dates the code later and refuses it
    "620171196001010017",  # a code created decades after the holder's birth
    "110105194912310029",
])
def test_real_numbers_with_new_or_renamed_region_codes_are_valid(number):
    from stdnum.cn import ric

    number = number[:17] + ric.calc_check_digit(number)
    assert parse_id_number(number) == number
    assert is_valid_id_number(number)
    assert birth_date_of(number) is not None and sex_of(number) in {"M", "F"}
    home_region_of(number)  # may be unknown (""), never an exception


def test_the_two_ids_of_the_issue_are_valid_as_written():
    assert parse_id_number("62017119950601001X") == "62017119950601001X"
    assert parse_id_number("620102197506010018") == "620102197506010018"
    assert parse_id_number("６２０１０２１９７５０６０１００１８") == "620102197506010018"  # full-width digits


@pytest.mark.parametrize("value", ["", None, "²" * 18, "62010219750601001²", "6201021975060100１8" * 3, "\x00" * 18,
                                   "620102197502300018", "62010219750601001Y", 6.2e17, [], "ÿ" * 18])
def test_odd_input_is_refused_and_never_raises_anything_else(value):
    assert is_valid_id_number(value) is False
    with pytest.raises(InvalidIdNumber):
        parse_id_number(value)


def test_no_module_uses_stdnums_region_checking_id_validation():
    offenders = []
    pattern = re.compile(r"\bric\.(is_valid|validate)\b")
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in {".venv", "tests", "node_modules"} or "migrations" in rel.parts:
            continue
        if pattern.search(path.read_text(encoding="utf-8")):
            offenders.append(str(rel))
    assert offenders == [], "use core.identity.parse_id_number (stdnum's region table raises KeyError)"


@pytest.mark.parametrize("value", ["", "²" * 18, "\x00" * 18, "ÿ" * 18, "91110000600037341", "IOZSV0000000000000"])
def test_the_credit_code_validator_only_ever_refuses(value):
    from django.core.exceptions import ValidationError

    from enterprises.validators import validate_credit_code

    with pytest.raises(ValidationError):
        validate_credit_code(value)


def test_a_full_width_credit_code_is_normalised_to_ascii():
    from enterprises.validators import normalise_credit_code

    assert normalise_credit_code("９１１１００００６０００３７３４１ｌ") == "91110000600037341L"
