import calendar
import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import bounds
from kernel.roles import Action, Role

from ..choices import AttendanceSource
from .payroll import RetainedQuerySet, _check_retention


class AttendanceQuerySet(RetainedQuerySet):
    project_path = "employment__project"


class Attendance(models.Model):
    """A worker's days on site in one month on one project (考勤, the real-name attendance record the labour
    ledger keeps: Decree 724 Art. 28, 建市〔2019〕18号): from the site's gate or clock-in system (Excel import
    or the vendor's API) or entered by the labour officer. One row per employment and month; a later
    submission for the same month replaces the days (history is kept)."""

    scope_paths = {"district": "employment__project__district", "enterprise": "employment__project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    employment = models.ForeignKey("projects.Employment", verbose_name=_("employment"), on_delete=models.PROTECT,
                                   related_name="attendance")
    month = models.DateField(_("month"), help_text=_("The first day of the attendance month."))
    days_on_site = models.DecimalField(_("days on site"), max_digits=4, decimal_places=1,
                                       validators=[MinValueValidator(0), MaxValueValidator(bounds.DAYS_IN_MONTH_MAX)])
    source = models.CharField(_("source"), max_length=20, choices=AttendanceSource.choices,
                              default=AttendanceSource.OFFICER)
    source_import = models.ForeignKey("projects.ProjectImport", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    objects = AttendanceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["employment", "-month"]
        constraints = [models.UniqueConstraint(fields=["employment", "month"], name="uniq_attendance_month")]
        indexes = [models.Index(fields=["month"], name="attendance_month")]

    def __str__(self):
        return f"{self.employment_id} {self.month:%Y-%m}: {self.days_on_site}"

    def delete(self, *args, **kwargs):
        _check_retention(self.employment.project)
        return super().delete(*args, **kwargs)

    @staticmethod
    def days_error(month: dt.date, days) -> str | None:
        """The error when a month is given more days than it has (31 for March, 28 for a February)."""
        length = calendar.monthrange(month.year, month.month)[1]
        if days > length:
            return gettext("%(month)s has only %(n)d days.") % {"month": f"{month:%Y-%m}", "n": length}
        return None
