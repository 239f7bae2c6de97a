"""Mass incidents, criminal transfers and the thresholds (as data with effective dates) they rest on."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.formats import yuan
from kernel.querysets import InForceQuerySet
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from .. import rules
from ..choices import CourtResult, TransferStage
from ..querysets import CaseChildQuerySet
from .case import CASE_ROLE_ACTIONS, CHILD_SCOPE, Case

# Reference data: city administrators keep it, casework roles read it, employers do not need it.
REFERENCE_ROLE_ACTIONS = {role: ({Action.VIEW} if role != Role.ENTERPRISE else set())
                          for role in Role if role != Role.CITY_ADMIN}


class MassIncident(models.Model):
    """A mass incident (群体性事件) over unpaid wages and how it was handled (Decree 423 Art. 14)."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: {Action.VIEW, Action.ADD},
                    Role.API_CLIENT: {Action.VIEW}}

    occurred_at = models.DateTimeField(_("time"), db_index=True)
    place = models.CharField(_("place"), max_length=255)
    district = models.ForeignKey("accounts.District", verbose_name=_("district"), on_delete=models.PROTECT,
                                 related_name="mass_incidents")
    workers_involved = models.PositiveIntegerField(_("workers involved"))
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("enterprise"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="mass_incidents")
    project = models.ForeignKey("projects.Project", verbose_name=_("project"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="mass_incidents")
    case = models.ForeignKey(Case, verbose_name=_("case"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="mass_incidents")
    description = models.TextField(_("what happened"))
    response_actions = models.JSONField(_("response"), default=list, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mass incident")
        verbose_name_plural = _("mass incidents")
        ordering = ["-occurred_at", "-pk"]

    def __str__(self):
        return f"{timezone.localtime(self.occurred_at):%Y-%m-%d} {self.place}"

    def get_absolute_url(self):
        return reverse("cases:incident-detail", args=[self.pk])

    @property
    def is_major(self) -> bool:
        return rules.is_major_incident(self.workers_involved, self.occurred_at)

    def response_labels(self):
        from ..choices import ResponseAction

        return [str(ResponseAction(a).label) for a in self.response_actions if a in ResponseAction.values]


class CriminalThreshold(models.Model):
    """A province's figures for "a large amount" (法释〔2013〕3号 Art. 3) from a date on. Each must lie inside
    the national range; the provincial high court sets them."""

    role_actions = REFERENCE_ROLE_ACTIONS

    province = models.CharField(_("province code"), max_length=2, default=rules.DEFAULT_PROVINCE)
    province_name = models.CharField(_("province"), max_length=20)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    single_amount = models.DecimalField(_("one worker, 3+ months (CNY)"), max_digits=10, decimal_places=2)
    group_amount = models.DecimalField(_("10+ workers (CNY)"), max_digits=10, decimal_places=2)
    note = models.CharField(_("basis"), max_length=255, blank=True)

    objects = InForceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criminal threshold")
        verbose_name_plural = _("criminal thresholds")
        ordering = ["province", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["province", "effective_from"], name="uniq_crime_threshold")]

    def __str__(self):
        return (f"{self.province_name} {self.effective_from:%Y-%m-%d}: "
                f"{yuan(self.single_amount)} / {yuan(self.group_amount)}")

    def clean(self):
        low, high = rules.CRIME_SINGLE_RANGE
        errors = {}
        if self.single_amount is not None and not (low <= self.single_amount <= high):
            errors["single_amount"] = _("Must lie within the national range CNY 5,000–20,000.")
        low, high = rules.CRIME_GROUP_RANGE
        if self.group_amount is not None and not (low <= self.group_amount <= high):
            errors["group_amount"] = _("Must lie within the national range CNY 30,000–100,000.")
        if errors:
            raise ValidationError(errors)


class DifficultCaseThreshold(models.Model):
    """When a case counts as large or difficult and is flagged for a responsible leader (包案) and listed
    supervision (挂牌督办): a local policy, kept as data with effective dates."""

    role_actions = REFERENCE_ROLE_ACTIONS

    effective_from = models.DateField(_("effective from"), unique=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    amount = models.DecimalField(_("amount owed from (CNY)"), max_digits=14, decimal_places=2)
    workers = models.PositiveIntegerField(_("workers from"))
    repeated_complaints = models.PositiveIntegerField(_("complaints about the employer from"),
                                                      help_text=_("Within the grouping window."))
    supervision_workdays = models.PositiveSmallIntegerField(_("listed supervision: working days to resolve"),
                                                            default=30)
    note = models.CharField(_("basis"), max_length=255, blank=True)

    objects = InForceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("large-case threshold")
        verbose_name_plural = _("large-case thresholds")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.effective_from:%Y-%m-%d}: {yuan(self.amount)} / {self.workers} / {self.repeated_complaints}"


class CriminalTransfer(models.Model):
    """A case transferred to the police (移送公安, Decree 724 Art. 41), followed to the court's judgment."""

    scope_paths = CHILD_SCOPE
    role_actions = CASE_ROLE_ACTIONS

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="transfer")
    transferred_on = models.DateField(_("transferred on"), db_index=True)
    document_number = models.CharField(_("transfer document number"), max_length=40)
    police_unit = models.CharField(_("police unit"), max_length=100)
    threshold = models.ForeignKey(CriminalThreshold, verbose_name=_("threshold applied"), on_delete=models.PROTECT,
                                  related_name="+")
    unpaid_amount = models.DecimalField(_("unpaid at transfer (CNY)"), max_digits=14, decimal_places=2)
    workers = models.PositiveIntegerField(_("workers"))
    stage = models.CharField(_("stage"), max_length=12, choices=TransferStage.choices,
                             default=TransferStage.TRANSFERRED)
    police_accepted_on = models.DateField(_("police accepted on"), null=True, blank=True)
    police_case_number = models.CharField(_("police case number"), max_length=40, blank=True)
    prosecuted_on = models.DateField(_("prosecuted on"), null=True, blank=True)
    judged_on = models.DateField(_("judged on"), null=True, blank=True)
    court_result = models.CharField(_("court result"), max_length=12, choices=CourtResult.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = CaseChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criminal transfer")
        verbose_name_plural = _("criminal transfers")
        ordering = ["-transferred_on", "-pk"]

    def __str__(self):
        return f"{self.case.number} → {self.police_unit}"
