"""统一社会信用代码 validation (GB 32100-2015 through python-stdnum cn.uscc)."""

import pytest
from django.core.exceptions import ValidationError

from enterprises.forms import EnterpriseForm
from enterprises.validators import normalise_credit_code, validate_credit_code
from tests.factories import EnterpriseFactory, credit_code

VALID = "91110000600037341L"  # python-stdnum's documented example


def test_a_valid_code_passes():
    validate_credit_code(VALID)
    validate_credit_code(credit_code(1))


def test_a_bad_check_digit_is_rejected():
    with pytest.raises(ValidationError) as exc:
        validate_credit_code(VALID[:-1] + "M")
    assert exc.value.code == "invalid_credit_code"


@pytest.mark.parametrize("value", [VALID[:-1], VALID + "1", "", "9111000060003734"])
def test_a_wrong_length_is_rejected(value):
    with pytest.raises(ValidationError):
        validate_credit_code(value)


def test_letters_outside_the_alphabet_are_rejected():
    with pytest.raises(ValidationError):
        validate_credit_code("91110000I00037341L")  # I is not used in codes


def test_lowercase_is_accepted_and_stored_upper_case():
    assert normalise_credit_code(" " + VALID.lower() + " ") == VALID
    validate_credit_code(VALID.lower())


def _form_data(district, code):
    return {"credit_code": code, "name": "兰州测试建设有限公司", "legal_representative": "王五",
            "district": district.pk, "kind": "other", "status": "active", "employee_count": 1, "insured_count": 1}


def test_the_form_normalises_case_before_the_uniqueness_check(personas, chengguan):
    existing = personas.enterprise_a
    form = EnterpriseForm(data=_form_data(chengguan, existing.credit_code.lower()), user=personas.city_admin)
    assert not form.is_valid()
    assert "credit_code" in form.errors


def test_the_form_rejects_a_bad_code_with_a_message(personas, chengguan):
    form = EnterpriseForm(data=_form_data(chengguan, VALID[:-1] + "M"), user=personas.city_admin)
    assert not form.is_valid()
    assert "not a valid unified social credit code" in str(form.errors["credit_code"])


def test_the_model_stores_codes_upper_case(db):
    enterprise = EnterpriseFactory(credit_code=credit_code(77).lower())
    enterprise.refresh_from_db()
    assert enterprise.credit_code == credit_code(77)
