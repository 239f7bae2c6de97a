from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .city_settings import SETTINGS, clear_cache


class CalendarOverride(models.Model):
    """A day whose working status differs from the chinesecalendar package: next year's
    schedule before the package knows it, or a local holiday (全国年节及纪念日放假办法 Art. 4)."""

    date = models.DateField(_("date"), unique=True)
    is_workday = models.BooleanField(_("working day"))
    note = models.CharField(_("note"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {'workday' if self.is_workday else 'rest day'}"


class CalendarYear(models.Model):
    """A year whose whole schedule the city has entered as overrides, so deadlines may count
    in it even where chinesecalendar has no data yet."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("covered calendar year")
        verbose_name_plural = _("covered calendar years")
        ordering = ["year"]

    def __str__(self):
        return str(self.year)


def _clear_now_and_on_commit():
    # Now, for this transaction's own reads; on commit, for a reader that cached the old rows meanwhile.
    clear_cache()
    transaction.on_commit(clear_cache)


class CitySetting(models.Model):
    """A value the city sets (core.city_settings.SETTINGS names the keys), in force from a date on. A change
    is a new row with a later effective_from, so that what applied on a past day stays readable; the
    history records who changed what."""

    key = models.CharField(_("setting"), max_length=64)
    value = models.CharField(_("value"), max_length=100)
    effective_from = models.DateField(_("effective from"))
    note = models.CharField(_("regulation or practice"), max_length=255, blank=True,
                            help_text=_("The regulation or local practice the value rests on."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("city setting")
        verbose_name_plural = _("city settings")
        ordering = ["key", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["key", "effective_from"], name="uniq_city_setting")]

    def __str__(self):
        return f"{self.key} {self.effective_from:%Y-%m-%d}: {self.value}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        _clear_now_and_on_commit()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _clear_now_and_on_commit()
        return result

    @property
    def spec(self):
        return SETTINGS.get(self.key)

    def clean(self):
        spec = self.spec
        if spec is None:
            raise ValidationError({"key": _("Unknown setting.")})
        try:
            self.value = str(spec.parse(self.value))
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from None
        if not self.note:
            self.note = spec.basis
