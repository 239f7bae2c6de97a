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
    # The official schedule (国务院办公厅 notice, with its make-up workdays) cannot be computed by rule
    # (domain.md §12.3). A year entered without it (statutory holidays only) lets deadlines be counted, but
    # every one of them is marked provisional and the coverage check keeps alerting until it is replaced.
    provisional = models.BooleanField(
        _("provisional"), default=False,
        help_text=_("Statutory holidays only, without the State Council's official schedule and make-up "
                    "workdays. Deadlines counted in this year are marked provisional."))

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
class AdminNotice(models.Model):
    """A standing notice to the city administrators (shown as a banner on every page and mailed once a day)
    until the condition is resolved: e.g. next year's working-day schedule is missing or only provisional."""

    key = models.CharField(_("key"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_raised_on = models.DateField(_("last raised on"))
    mailed_on = models.DateField(_("mailed on"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("administrator notice")
        verbose_name_plural = _("administrator notices")
        ordering = ["-last_raised_on", "-pk"]

    def __str__(self):
        return self.title
