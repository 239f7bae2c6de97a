from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
