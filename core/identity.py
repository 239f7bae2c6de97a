"""Resident ID numbers (居民身份证号码, GB 11643): the ONE validator of the platform (complaints, rosters,
payroll, recovered wages), and what the number encodes (birth date, sex). It uses only stdnum's check-digit
algorithm, never stdnum's own is_valid or validate: see PROVINCES for why the region is not checked against its date.
Excel turns an 18-digit number into a float such as 6.20102E+17 and keeps only
15 significant digits, so a number cell can never carry a valid ID: it is rejected with its own message."""

import datetime as dt
import unicodedata

from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric

# Province-level codes (GB/T 2260). stdnum's full validation also requires the 6-digit region code to have
# existed on the birth date, but codes follow the place of registration when the number was issued: a worker
# born in 1970 in Chengguan (620102, created later) holds a real 620102 1970… number, and newer codes such as
# Lanzhou New Area (620171) are not in stdnum's table at all (it raises KeyError). So: format, check digit
# (stdnum's algorithm), a real birth date, and a known province.
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
    "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
})
MIN_BIRTH = dt.date(1900, 1, 1)


class InvalidIdNumber(ValueError):
    pass


def normalise_id_number(value) -> str:
    """Without spaces, upper case, and full-width digits as ASCII (phone keyboards type ＩＤ as full width)."""
    return "".join(unicodedata.normalize("NFKC", str(value or "")).split()).upper()


def parse_id_number(value) -> str:
    """A valid 18-character resident ID from a form field, an API body or a spreadsheet cell."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise InvalidIdNumber(_("Excel stored the ID number as a number (%(value)s) and lost digits; format the "
                                "column as text and enter the number again.") % {"value": _excel_style(value)})
    number = normalise_id_number(value)
    if not number:
        raise InvalidIdNumber(_("This field is required."))
    if "E+" in number or "E-" in number:
        raise InvalidIdNumber(_("The ID number was turned into a number by Excel (%(value)s); format the column "
                                "as text and enter the number again.") % {"value": number})
    if len(number) != 18:
        raise InvalidIdNumber(_("An ID number has 18 characters."))
    if not (number[:17].isascii() and number[:17].isdigit()) or number[:2] not in PROVINCES:
        raise InvalidIdNumber(_("This is not a valid resident ID number."))
    if number[-1] != ric.calc_check_digit(number):
        raise InvalidIdNumber(_("The check digit of the ID number is wrong."))
    try:
        born = ric.get_birth_date(number)
    except (stdnum_errors.ValidationError, ValueError) as exc:
        raise InvalidIdNumber(_("This is not a valid resident ID number.")) from exc
    if not MIN_BIRTH <= born <= timezone.localdate():
        raise InvalidIdNumber(_("This is not a valid resident ID number."))
    return number


def is_valid_id_number(value) -> bool:
    """True for a valid number; never raises, whatever the input (stdnum's tables raise KeyError on real data)."""
    try:
        parse_id_number(value)
    except (InvalidIdNumber, stdnum_errors.ValidationError, KeyError, ValueError, TypeError, IndexError):
        return False
    return True


def _excel_style(value) -> str:
    return f"{float(value):.5E}".replace("E+0", "E+").replace("0E", "E").rstrip("0") if value else "0"


def birth_date_of(number: str) -> dt.date | None:
    try:
        return ric.get_birth_date(number)
    except (stdnum_errors.ValidationError, ValueError, TypeError, IndexError):
        return None


def sex_of(number: str) -> str:
    """The 17th digit is odd for men, even for women."""
    try:
        return "M" if int(number[16]) % 2 else "F"
    except (ValueError, TypeError, IndexError):
        return ""


def home_region_of(number: str) -> str:
    try:
        place = ric.get_birth_place(number)
    except (stdnum_errors.ValidationError, KeyError, ValueError, TypeError, IndexError):
        return ""
    return f"{place.get('province', '')}{place.get('county', '')}"
