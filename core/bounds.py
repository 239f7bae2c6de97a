"""What a number or a date a person types may be, once per concept, for every form and API serializer.

Each concept is a validator plus a form field (and a serializer field for the API) that carries it, with
a message that names what is wrong in plain Chinese. The limits are sanity bounds, not rules: they refuse
what cannot be true (a payment next year, a headcount of zero, a phone number of six digits, an amount
with three extra zeros) and leave every real case through. The rules themselves (an amount not above
what is owed, a deadline) stay with each app's services.
"""

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from . import periods
from .formats import yuan
from .widgets import IsoDateInput, IsoDateTimeInput, IsoMonthInput

# --- the limits (one home each) -------------------------------------------------------------------------

# No record the bureau keeps starts before 1990: the Labour Law (1994) and the construction-wage rules
# came later, and the two-year limitation of labour claims rules out arrears older than that.
EARLIEST_DATE = dt.date(1990, 1, 1)

# Planned and validity dates lie ahead, but not further than this: the longest construction period or
# guarantee the bureau sees is a few years; 20 years catches a mistyped year (2062 for 2026).
LATEST_PLAN_YEARS = 20

# Local practice, a sanity range and no regulation: the largest single contract a city registers is in
# the tens of billions of yuan; an amount above the cap is a typing error (extra zeros).
CONTRACT_AMOUNT_MAX = Decimal("100000000000.00")  # 1000亿: contract amounts, registered capital
# Wages owed, paid, drawn or held for one matter (a complaint, a case, a deposit, a ledger entry): the
# largest arrears matters nationally are in the hundreds of millions of yuan.
WAGE_AMOUNT_MAX = Decimal("1000000000.00")  # 10亿
SMALLEST_PAYMENT = Decimal("0.01")

# Workers in one matter (a complaint, an order, an incident, a payment): a single project of the city
# employs at most a few thousand; an enterprise's own headcount may be larger.
HEADCOUNT_MAX = 100_000
ENTERPRISE_HEADCOUNT_MAX = 2_000_000

# A Chinese mobile number (11 digits from 13x to 19x) or a landline with its area code (0 and 2–3 digits,
# an optional hyphen, 7–8 digits) and an optional extension.
PHONE_RE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$")
PHONE_MAX_LENGTH = 20

# Days on site in one month (attendance, the payroll's days worked): a month has at most 31 days, and a gate
# system counts half days at most.
DAYS_IN_MONTH_MAX = Decimal(31)

MONTH_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$", re.ASCII)


def _today() -> dt.date:
    return timezone.localdate()


def _day(value):
    """The local date of a date or datetime (an aware timestamp's UTC date is yesterday before 08:00)."""
    if isinstance(value, dt.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def latest_plan_date() -> dt.date:
    return periods.period_end(_today(), years=LATEST_PLAN_YEARS)


# --- validators (Django ValidationError: forms use them as they are, DRF turns them into a 400) -----------
# Their codes are their own (not Django's min_value/max_value), so core.forms.humanise_errors leaves their
# messages alone.

def not_before_earliest(value):
    day = _day(value)
    if day is not None and day < EARLIEST_DATE:
        raise ValidationError(_("The date cannot be before %(limit)s."), code="too_early",
                              params={"limit": EARLIEST_DATE.isoformat()})


def not_in_future(value):
    """For what must already have happened: a payment, a signature, a decision, arrears."""
    if value is None:
        return
    if isinstance(value, dt.datetime):
        if value > timezone.now():
            raise ValidationError(_("The time cannot be in the future."), code="future")
        return
    if value > _today():
        raise ValidationError(_("The date cannot be after today (%(limit)s)."), code="future",
                              params={"limit": _today().isoformat()})


def not_far_ahead(value):
    day = _day(value)
    if day is not None and day > latest_plan_date():
        raise ValidationError(_("The date cannot be after %(limit)s: check the year."), code="too_late",
                              params={"limit": latest_plan_date().isoformat()})


def month_not_in_future(value):
    if value is not None and value > _today().replace(day=1):
        raise ValidationError(_("The month cannot be after the current month."), code="future")


def validate_month_text(value):
    """A month typed as YYYY-MM (the API's payroll month): a real month, not ahead of the current one."""
    match = MONTH_RE.match(str(value))
    try:
        if match is None:
            raise ValueError(value)
        month = dt.date(int(match["year"]), int(match["month"]), 1)
    except ValueError as exc:
        raise ValidationError(_("Enter a month as year-month, e.g. 2026-03."), code="invalid") from exc
    not_before_earliest(month)
    month_not_in_future(month)


def validate_phone(value):
    if value and not PHONE_RE.match(normalise_phone(value)):
        raise ValidationError(
            _("Enter a mobile number (11 digits, starting 13–19) or a landline with its area code, "
              "e.g. 0931-8123456."), code="invalid_phone")


def normalise_phone(value) -> str:
    """Spaces and the full-width hyphen a Chinese keyboard types are dropped or made plain."""
    return re.sub(r"\s+", "", str(value or "")).replace("－", "-").replace("—", "-")


class MoneyRange:
    def __init__(self, minimum=SMALLEST_PAYMENT, maximum=WAGE_AMOUNT_MAX):
        self.minimum, self.maximum = minimum, maximum

    def __call__(self, value):
        if value is None:
            return
        if self.minimum is not None and value < self.minimum:
            if self.minimum == SMALLEST_PAYMENT:
                raise ValidationError(_("The amount must be more than zero."), code="amount_too_small")
            raise ValidationError(_("The amount cannot be less than %(limit)s."), code="amount_too_small",
                                  params={"limit": yuan(self.minimum)})
        if value > self.maximum:
            raise ValidationError(_("The amount cannot exceed %(limit)s: check for extra digits."),
                                  code="amount_too_large", params={"limit": yuan(self.maximum)})


class HeadcountRange:
    def __init__(self, minimum=1, maximum=HEADCOUNT_MAX):
        self.minimum, self.maximum = minimum, maximum

    def __call__(self, value):
        if value is None:
            return
        if value < self.minimum:
            raise ValidationError(_("The number of people must be at least %(limit)d."), code="too_few_people",
                                  params={"limit": self.minimum})
        if value > self.maximum:
            raise ValidationError(_("The number of people cannot exceed %(limit)d."), code="too_many_people",
                                  params={"limit": self.maximum})


class DaysInMonthRange:
    """Days in one month: 0 to DAYS_IN_MONTH_MAX, in whole or half days (one decimal place)."""

    def __call__(self, value):
        if value is None:
            return
        if value < 0:
            raise ValidationError(_("The number of days cannot be negative."), code="days_negative")
        if value > DAYS_IN_MONTH_MAX:
            raise ValidationError(_("A month has at most %(limit)d days."), code="days_too_many",
                                  params={"limit": DAYS_IN_MONTH_MAX})
        if value != value.quantize(Decimal("0.1")):
            raise ValidationError(_("Enter the days with at most one decimal place, e.g. 21.5."),
                                  code="days_decimals")


PAST_DATE_VALIDATORS = [not_before_earliest, not_in_future]
PLAN_DATE_VALIDATORS = [not_before_earliest, not_far_ahead]


# --- form fields ---------------------------------------------------------------------------------------

class PastDateField(forms.DateField):
    """A day that has happened: not in the future, not before EARLIEST_DATE."""

    widget = IsoDateInput
    default_validators = PAST_DATE_VALIDATORS


class PlanDateField(forms.DateField):
    """A day that may lie ahead (a plan, a validity end, a notice start), within a sane range."""

    widget = IsoDateInput
    default_validators = PLAN_DATE_VALIDATORS


class PastDateTimeField(forms.DateTimeField):
    widget = IsoDateTimeInput
    default_validators = PAST_DATE_VALIDATORS


class MonthField(forms.DateField):
    """A month as YYYY-MM (an <input type="month">), cleaned to its first day; not after this month."""

    widget = IsoMonthInput
    input_formats = ["%Y-%m"]
    default_validators = [not_before_earliest, month_not_in_future]

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class MoneyField(forms.DecimalField):
    """CNY with fen: more than zero (or `minimum`) and at most `maximum` (WAGE_AMOUNT_MAX by default)."""

    def __init__(self, *, minimum=SMALLEST_PAYMENT, maximum=WAGE_AMOUNT_MAX, **kwargs):
        kwargs.setdefault("max_digits", 16)
        kwargs.setdefault("decimal_places", 2)
        # Our range check has the readable message; Django's min/max (from a model field) would repeat it.
        kwargs.pop("min_value", None)
        kwargs.pop("max_value", None)
        super().__init__(**kwargs)
        self.validators.append(MoneyRange(minimum, maximum))
        # The browser's own number checks (step, min) would answer in its own words before ours.
        self.widget.attrs.setdefault("step", "0.01")


class ContractAmountField(MoneyField):
    def __init__(self, **kwargs):
        kwargs.setdefault("minimum", Decimal(0))
        kwargs.setdefault("maximum", CONTRACT_AMOUNT_MAX)
        super().__init__(**kwargs)


class AmountOwedField(MoneyField):
    """An amount a worker reports as owed: 0 where they cannot say yet (the inspector finds it out)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("minimum", Decimal(0))
        super().__init__(**kwargs)


class CapitalField(MoneyField):
    """Registered capital, which the market regulator states in units of 10,000 yuan (万元)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("minimum", Decimal(0))
        kwargs.setdefault("maximum", CONTRACT_AMOUNT_MAX / 10_000)
        super().__init__(**kwargs)


class HeadcountField(forms.IntegerField):
    """Workers in one matter: at least 1 (or `minimum`), at most HEADCOUNT_MAX (or `maximum`)."""

    def __init__(self, *, minimum=1, maximum=HEADCOUNT_MAX, **kwargs):
        kwargs.pop("min_value", None)
        kwargs.pop("max_value", None)
        super().__init__(**kwargs)
        self.validators.append(HeadcountRange(minimum, maximum))


class EnterpriseHeadcountField(HeadcountField):
    def __init__(self, **kwargs):
        kwargs.setdefault("minimum", 0)
        kwargs.setdefault("maximum", ENTERPRISE_HEADCOUNT_MAX)
        super().__init__(**kwargs)


class DaysInMonthField(forms.DecimalField):
    """Days on site in one month: 0–31, one decimal place at most."""

    def __init__(self, **kwargs):
        kwargs.pop("min_value", None)
        kwargs.pop("max_value", None)
        kwargs["max_digits"], kwargs["decimal_places"] = None, None  # our range check has the readable message
        super().__init__(**kwargs)
        self.validators.append(DaysInMonthRange())
        self.widget.attrs.setdefault("step", "0.5")


class PhoneField(forms.CharField):
    """A mobile or a landline with area code, stored without spaces."""

    default_validators = [validate_phone]

    def __init__(self, **kwargs):
        kwargs["max_length"] = PHONE_MAX_LENGTH
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "tel")

    def to_python(self, value):
        return normalise_phone(super().to_python(value))


# --- API serializer fields (the same bounds for what a department's system sends) ---------------------

def api_past_date(**kwargs):
    return serializers.DateField(validators=PAST_DATE_VALIDATORS, **kwargs)


def api_money(*, minimum=SMALLEST_PAYMENT, maximum=WAGE_AMOUNT_MAX, **kwargs):
    return serializers.DecimalField(max_digits=16, decimal_places=2, validators=[MoneyRange(minimum, maximum)],
                                    error_messages={"invalid": _("Enter an amount in yuan, e.g. 3600.50."),
                                                    "max_decimal_places": _("At most two decimal places (fen)."),
                                                    "max_digits": _("The amount has too many digits.")},
                                    **kwargs)


def api_headcount(*, minimum=1, maximum=HEADCOUNT_MAX, **kwargs):
    return serializers.IntegerField(validators=[HeadcountRange(minimum, maximum)],
                                    error_messages={"invalid": _("Enter a whole number of people.")}, **kwargs)


def api_phone(**kwargs):
    return PhoneSerializerField(**kwargs)


class PhoneSerializerField(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", PHONE_MAX_LENGTH)
        kwargs.setdefault("validators", [validate_phone])
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return normalise_phone(super().to_internal_value(data))
