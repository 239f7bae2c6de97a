from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError as StdnumError


def normalise_credit_code(value: str) -> str:
    return uscc.compact(value or "")


def validate_credit_code(value: str):
    """统一社会信用代码 (GB 32100-2015): length, characters and check digit (python-stdnum)."""
    try:
        uscc.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("%(value)s is not a valid unified social credit code."), code="invalid_credit_code",
            params={"value": value},
        ) from exc
