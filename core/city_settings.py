"""City settings: values a city sets for itself (its division code, local thresholds and practice), as dated
data a city administrator edits, each with its basis.

One mechanism for all of them:

- `SETTINGS` is the registry of known keys. A spec names the constant that is the default's single home
  (a dotted path such as "cases.rules.DUPLICATE_WINDOW_DAYS", resolved lazily so that the kernel imports no
  app) and the basis: the regulation, or "local practice" (core.citations.LOCAL_PRACTICE).
- core.CitySetting rows hold the city's values from a date on; the row in force on a date is the one with the
  latest effective_from not after it. Migration core 0003 seeds one row per key from the constants.
- `city_setting("key", on=date)` reads the value in force (the constant when the city entered none). The rows
  are cached for CACHE_SECONDS (a short TTL: settings change rarely, and every save clears it).

Adding a setting: add the constant (with its citation comment) to the app's rules module, add a spec here,
read it with city_setting(), and seed it in a new core migration with `seed_rows()`.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .citations import LOCAL_PRACTICE, Rule

CACHE_SECONDS = 60

# The day the seeded rows take effect: before any record the platform holds, so that they cover history.
SEED_EFFECTIVE_FROM = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default_path: str  # the constant that is the default's single home
    basis: str
    kind: type = int
    unit: str = ""
    minimum: int | None = None
    maximum: int | None = None
    pattern: str = ""  # for text values: the whole value must match
    allowed: tuple = ()  # when only some values make sense

    @property
    def default(self):
        return import_string(self.default_path)

    @property
    def rule(self) -> Rule:
        return Rule(self.label, self.basis)

    def parse(self, raw):
        """The typed value of a stored or typed text, or ValidationError with a message for the form."""
        text = str(raw).strip()
        if self.kind is int:
            if not re.fullmatch(r"-?\d+", text):
                raise ValidationError(_("Enter a whole number."), code="invalid")
            value = int(text)
            if self.minimum is not None and value < self.minimum:
                raise ValidationError(_("Enter at least %(n)d.") % {"n": self.minimum}, code="min_value")
            if self.maximum is not None and value > self.maximum:
                raise ValidationError(_("Enter at most %(n)d.") % {"n": self.maximum}, code="max_value")
            if self.allowed and value not in self.allowed:
                raise ValidationError(_("Choose one of %(values)s.") % {
                    "values": ", ".join(str(v) for v in self.allowed)}, code="invalid_choice")
            return value
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise ValidationError(_("The value does not have the expected form."), code="invalid")
        return text

    def format(self, value) -> str:
        return f"{value} {self.unit}".strip()


# Units, as the settings page shows them after the value.
WORKERS = pgettext_lazy("unit", "workers")
DAYS = pgettext_lazy("unit", "days")
WORKING_DAYS = pgettext_lazy("unit", "working days")
TIMES = pgettext_lazy("unit", "times")
YEARS = pgettext_lazy("unit", "years")
MONTHS = pgettext_lazy("unit", "months")
MONTH = pgettext_lazy("unit", "month")
YUAN_A_MONTH = pgettext_lazy("unit", "yuan a month")

_SPECS = [
    SettingSpec("jurisdiction_code", _("City division code"), "deposits.rates.DEFAULT_JURISDICTION",
                "GB/T 2260", kind=str, pattern=r"\d{6}"),
    SettingSpec("crime_threshold_province", _("Province of the criminal thresholds"),
                "cases.rules.DEFAULT_PROVINCE", "法释〔2013〕3号第三条", kind=str, pattern=r"\d{2}"),
    SettingSpec("major_incident_workers", _("Workers that make a mass incident major"),
                "cases.rules.MAJOR_INCIDENT_WORKERS", "《劳动保障监察条例》第十四条；本市应急预案",
                unit=WORKERS, minimum=2, maximum=1000),
    SettingSpec("duplicate_window_days", _("Window for grouping repeated complaints"),
                "cases.rules.DUPLICATE_WINDOW_DAYS", LOCAL_PRACTICE, unit=DAYS, minimum=1, maximum=366),
    SettingSpec("default_order_workdays", _("Default deadline of a rectification order"),
                "cases.rules.DEFAULT_ORDER_WORKDAYS", LOCAL_PRACTICE, unit=WORKING_DAYS, minimum=1,
                maximum=60),
    SettingSpec("c_min_written_reviews", _("Written reviews a year for grade C"),
                "enterprises.choices.C_MIN_WRITTEN_REVIEWS", LOCAL_PRACTICE, unit=TIMES, minimum=0,
                maximum=12),
    SettingSpec("grading_period_years", _("Credit grading: years of record evaluated"),
                "enterprises.choices.EVALUATION_YEARS", "人社部规〔2016〕1号", unit=YEARS, minimum=1,
                maximum=3),
    SettingSpec("blacklist_decision_workdays", _("Listing decision due after the order's deadline"),
                "blacklist.rules.DECISION_WORKDAYS", "人社部令第45号第五条", unit=WORKING_DAYS, minimum=1,
                maximum=60),
    SettingSpec("publication_interval_months", _("Publication interval of major violations"),
                "blacklist.rules.PUBLICATION_MONTHS", "人社部令第29号", unit=MONTHS, minimum=1, maximum=12,
                allowed=(1, 2, 3, 4, 6, 12)),  # periods that tile the year from January
    SettingSpec("calendar_warning_month", _("Month from which a missing holiday schedule is raised"),
                "core.tasks.CALENDAR_WARNING_FROM_MONTH", LOCAL_PRACTICE, unit=MONTH, minimum=1, maximum=12),
    SettingSpec("minimum_monthly_wage", _("Local monthly minimum wage"), "projects.rules.MINIMUM_MONTHLY_WAGE",
                "《最低工资规定》第七条、第十二条；本省最低工资标准", unit=YUAN_A_MONTH, minimum=500, maximum=20000),
]
SETTINGS: dict[str, SettingSpec] = {spec.key: spec for spec in _SPECS}


def spec_for(key: str) -> SettingSpec:
    try:
        return SETTINGS[key]
    except KeyError:
        raise KeyError(f"Unknown city setting {key!r}; add it to core.city_settings.SETTINGS.") from None


# --- reading ---------------------------------------------------------------------------------------

CACHE_KEY = "core:city_settings"


def clear_cache() -> None:
    cache.delete(CACHE_KEY)


def _rows() -> dict[str, list[tuple[dt.date, str]]]:
    """Every row, per key, newest first: one query per CACHE_SECONDS, shared through the cache (so that a
    save, which clears it, reaches every process that shares the cache)."""
    rows = cache.get(CACHE_KEY)
    if rows is None:
        from .models import CitySetting

        rows = {}
        for key, since, value in CitySetting.objects.order_by("key", "-effective_from").values_list(
                "key", "effective_from", "value"):
            rows.setdefault(key, []).append((since, value))
        cache.set(CACHE_KEY, rows, CACHE_SECONDS)
    return rows


def in_force(key: str, on: dt.date | None = None) -> tuple[object, dt.date | None]:
    """(value, since) in force on the day; since is None when the constant applies (no row)."""
    spec = spec_for(key)
    on = on or timezone.localdate()
    if isinstance(on, dt.datetime):
        on = timezone.localdate(on) if timezone.is_aware(on) else on.date()
    for since, raw in _rows().get(key, []):
        if since <= on:
            return spec.parse(raw), since
    return spec.default, None


def city_setting(key: str, on: dt.date | None = None):
    """The value of a city setting in force on `on` (default: today in Beijing)."""
    return in_force(key, on)[0]


def seed_rows(keys) -> list[dict]:
    """The rows a seed migration writes for `keys`: each at its constant, in force since SEED_EFFECTIVE_FROM.
    A migration passes its own frozen list of keys, so that a key added later is seeded by its own migration."""
    return [{"key": key, "value": str(spec_for(key).default), "effective_from": SEED_EFFECTIVE_FROM,
             "note": str(spec_for(key).basis)} for key in keys]
