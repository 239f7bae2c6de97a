import datetime as dt
from calendar import monthrange

from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.formats import percent
from core.workdays import WorkdayCalendar
from kernel.fields import EncryptedCharField
from kernel.masking import mask_phone
from kernel.querysets import CityWideQuerySet
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from .. import rules
from ..choices import ComplianceMetric, FundingSource, NoticeBoardItem, PartyRole, ProjectKind, ProjectStatus
from ..querysets import ProjectQuerySet

PHOTO_EXTENSIONS = ["jpg", "jpeg", "png"]


def agreed_pay_date(month: dt.date, pay_day: int, pay_in_next_month: bool) -> dt.date:
    """The contractual pay date of a payroll month from a project's pay day (the day is capped at the month's
    last day), before the working-day rule."""
    year, number = month.year, month.month
    if pay_in_next_month:
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return dt.date(year, number, min(pay_day, monthrange(year, number)[1]))


def pay_due_date(month: dt.date, pay_day: int, pay_in_next_month: bool, calendar=None) -> dt.date:
    """The effective pay date: the agreed date, or the last working day before it (Decree 724 Art. 14). Set-based
    readers (projects.facts) call it with the project's values and one calendar for all rows."""
    return (calendar or WorkdayCalendar()).previous_workday(agreed_pay_date(month, pay_day, pay_in_next_month))


class Project(models.Model):
    """A construction project supervised from registration to the final settlement of wages."""

    # An enterprise sees the projects where it is client, general contractor or subcontractor: the
    # participants relation holds all three (kernel.scoping applies it as pk__in).
    scope_paths = {"district": "district", "enterprise": "participants"}
    # Enterprises manage their projects' rosters and payrolls (CHANGE) but never register a project.
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    code = models.CharField(_("project code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200, db_index=True)
    district = models.ForeignKey("accounts.District", verbose_name=_("district"), on_delete=models.PROTECT,
                                 related_name="projects")
    address = models.CharField(_("address"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ProjectKind.choices, default=ProjectKind.HOUSING)
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices,
                              default=ProjectStatus.REGISTERED, db_index=True)
    client = models.ForeignKey("enterprises.Enterprise", verbose_name=_("construction client"),
                               on_delete=models.PROTECT, related_name="client_projects")
    general_contractor = models.ForeignKey("enterprises.Enterprise", verbose_name=_("general contractor"),
                                           on_delete=models.PROTECT, related_name="contracted_projects")
    participants = models.ManyToManyField("enterprises.Enterprise", through="ProjectParty",
                                          related_name="projects", verbose_name=_("parties"))
    contract_amount = models.DecimalField(_("contract amount (CNY)"), max_digits=16, decimal_places=2,
                                          validators=[MinValueValidator(0)])
    government_invested = models.BooleanField(_("government-invested"), default=False)
    funding_source = models.CharField(_("funding source"), max_length=20, choices=FundingSource.choices, blank=True)
    contract_signed_on = models.DateField(_("contract signed"), null=True, blank=True)
    planned_start_on = models.DateField(_("planned start"), null=True, blank=True)
    planned_completion_on = models.DateField(_("planned completion"), null=True, blank=True)
    actual_start_on = models.DateField(_("actual start"), null=True, blank=True)
    actual_completion_on = models.DateField(_("actual completion"), null=True, blank=True)
    wages_settled_on = models.DateField(_("wages settled"), null=True, blank=True)
    permit_number = models.CharField(_("construction permit number"), max_length=60, blank=True)
    manager_name = models.CharField(_("project manager"), max_length=50, blank=True)
    manager_phone = EncryptedCharField(_("project manager's phone"), max_plain_length=20, blank=True)
    wage_officer_name = models.CharField(_("labour-wage officer"), max_length=50, blank=True)
    wage_officer_phone = EncryptedCharField(_("labour-wage officer's phone"), max_plain_length=20, blank=True)
    funds_confirmed_on = models.DateField(_("funding confirmed"), null=True, blank=True,
                                          help_text=_("The day the client's funding was confirmed in place."))
    funds_note = models.CharField(_("funding note"), max_length=255, blank=True)
    pay_day = models.PositiveSmallIntegerField(
        _("agreed pay day"), default=rules.DEFAULT_PAY_DAY, validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Day of the month; a rest day or holiday moves it to the previous working day."))
    pay_in_next_month = models.BooleanField(_("paid in the following month"), default=True)
    notice_board_photo = models.FileField(
        _("notice board photo"), upload_to="projects/notice-boards/%Y/%m/", blank=True,
        validators=[FileExtensionValidator(PHOTO_EXTENSIONS)])
    notice_board_items = models.JSONField(_("notice board contents"), default=list, blank=True)
    notice_board_updated_on = models.DateField(_("notice board updated"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProjectQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("construction project")
        verbose_name_plural = _("construction projects")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["district", "status"])]

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.pk])

    @property
    def masked_manager_phone(self):
        return mask_phone(self.manager_phone)

    @property
    def masked_wage_officer_phone(self):
        return mask_phone(self.wage_officer_phone)

    @property
    def account_deadline(self):
        return rules.account_deadline(self.contract_signed_on)

    @property
    def retention_until(self):
        return rules.retention_until(self.wages_settled_on)

    @property
    def notice_board_missing(self) -> list:
        """The required contents not (yet) on the notice board, all of them without a photo."""
        if not self.notice_board_photo:
            return list(NoticeBoardItem)
        present = set(self.notice_board_items or [])
        return [item for item in NoticeBoardItem if item.value not in present]

    def agreed_pay_date(self, month: dt.date) -> dt.date:
        """The contractual pay date of a payroll month, before the working-day rule."""
        return agreed_pay_date(month, self.pay_day, self.pay_in_next_month)

    def pay_due_date(self, month: dt.date, calendar=None) -> dt.date:
        """The effective pay date: the agreed date, or the last working day before it (Decree 724 Art. 14)."""
        return pay_due_date(month, self.pay_day, self.pay_in_next_month, calendar)


class ProjectParty(models.Model):
    """An enterprise's part in a project: the client, the general contractor, or a subcontractor with its
    scope of work and contract amount."""

    scope_paths = {"district": "project__district", "enterprise": "project__participants"}
    role_actions = {Role.ENTERPRISE: {Action.VIEW}, Role.GRID_ASSISTANT: {Action.VIEW}}

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="parties")
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT,
                                   related_name="project_parties")
    role = models.CharField(_("role"), max_length=20, choices=PartyRole.choices)
    scope_of_work = models.CharField(_("scope of work"), max_length=200, blank=True)
    contract_amount = models.DecimalField(_("contract amount (CNY)"), max_digits=16, decimal_places=2, null=True,
                                          blank=True, validators=[MinValueValidator(0)])
    contract_signed_on = models.DateField(_("contract signed"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project party")
        verbose_name_plural = _("project parties")
        ordering = ["project", "role", "pk"]
        constraints = [models.UniqueConstraint(fields=["project", "enterprise", "role"], name="uniq_project_party")]

    def __str__(self):
        return f"{self.enterprise} ({self.get_role_display()})"


class ComplianceTarget(models.Model):
    """A city's target for one compliance ratio from a date on (the national default applies before)."""

    role_actions = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}

    metric = models.CharField(_("indicator"), max_length=30, choices=ComplianceMetric.choices)
    minimum = models.DecimalField(_("minimum share"), max_digits=5, decimal_places=4,
                                  validators=[MinValueValidator(0), MaxValueValidator(1)])
    effective_from = models.DateField(_("effective from"))
    note = models.CharField(_("basis"), max_length=200, blank=True)

    objects = CityWideQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("compliance target")
        verbose_name_plural = _("compliance targets")
        ordering = ["metric", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["metric", "effective_from"], name="uniq_target_start")]

    def __str__(self):
        return f"{self.get_metric_display()} ≥ {percent(self.minimum)} ({self.effective_from:%Y-%m-%d})"
