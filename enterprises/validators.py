import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.cn import uscc
from stdnum.exceptions import ValidationError as StdnumError


def normalise_credit_code(value: str) -> str:
    """Compact, upper case, full-width characters as ASCII (a code typed on a phone keyboard)."""
    return uscc.compact(unicodedata.normalize("NFKC", value or "")).upper()


def validate_credit_code(value: str):
    """统一社会信用代码 (GB 32100-2015): length, characters and check digit (python-stdnum)."""
    try:
        uscc.validate(value)
    except (StdnumError, KeyError, ValueError, TypeError, IndexError) as exc:  # never a crash on odd input
        raise ValidationError(
            _("%(value)s is not a valid unified social credit code."), code="invalid_credit_code",
            params={"value": value},
        ) from exc
