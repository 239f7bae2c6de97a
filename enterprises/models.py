from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.city_settings import city_setting
from core.imports.models import ImportJob
from kernel.fields import EncryptedCharField
from kernel.masking import mask_phone
from kernel.querysets import InForceQuerySet
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from .choices import (
    CTrigger,
    EnterpriseKind,
    EnterpriseStatus,
    Grade,
    GradeStatus,
    Handling,
    Industry,
    ViolationCategory,
    cite_reason,
)
from .querysets import (
    CreditGradeQuerySet,
    EnterpriseQuerySet,
    OwnJobQuerySet,
    TimelineQuerySet,
)
from .validators import normalise_credit_code, validate_credit_code


class Enterprise(models.Model):
    """An employer on the city's electronic file (用人单位电子档案)."""

    scope_paths = {"district": "district", "enterprise": "pk"}
    # Enterprises update their own file and contacts; they never create or delete one.
    # Grid assistants report and look up, but the registry is kept by officials and inspectors.
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}, Role.GRID_ASSISTANT: {Action.VIEW}}

    credit_code = models.CharField(
        _("unified social credit code"), max_length=18, unique=True, validators=[validate_credit_code]
    )
    name = models.CharField(_("name"), max_length=200, db_index=True)
    former_names = models.TextField(_("former names"), blank=True, help_text=_("One per line."))
    legal_representative = models.CharField(_("legal representative"), max_length=50)
    address = models.CharField(_("address"), max_length=255, blank=True)
    district = models.ForeignKey(
        "accounts.District", verbose_name=_("district"), on_delete=models.PROTECT, related_name="enterprises"
    )
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EnterpriseKind.choices, default=EnterpriseKind.OTHER)
    registered_capital = models.DecimalField(
        _("registered capital (10k CNY)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    employee_count = models.PositiveIntegerField(_("employees"), default=0)
    insured_count = models.PositiveIntegerField(_("social-insurance headcount"), default=0)
    state_owned = models.BooleanField(_("state-owned"), default=False)
    provincial = models.BooleanField(_("provincially administered"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=EnterpriseStatus.choices, default=EnterpriseStatus.ACTIVE
    )
    # Kept in step by enterprises.grading.confirm_grade only; the history lives in CreditGrade.
    grade = models.CharField(_("credit grade"), max_length=1, choices=Grade.choices, blank=True, db_index=True)
    # 65号 Art. 12 counts years "without arrears in the area": that record starts with the contractor's first
    # project or deposit in the city. Derived from the platform's projects and deposits when blank
    # (deposits.rates.record_since); an official enters it for history from before the platform.
    first_activity_on = models.DateField(
        _("first project or deposit in the city"), null=True, blank=True,
        help_text=_("For history before the platform: the first construction contract or wage deposit of this "
                    "enterprise in the city. Blank: taken from its earliest project or deposit on the platform."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EnterpriseQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]
        indexes = [models.Index(fields=["district", "grade"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.credit_code = normalise_credit_code(self.credit_code)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("enterprises:detail", args=[self.pk])


class Contact(models.Model):
    """A contact person of an enterprise; the phone is personal data, encrypted and masked."""

    scope_paths = {"district": "enterprise__district", "enterprise": "enterprise"}
    # Contacts are part of the file: adding or removing one is a change of the enterprise's file (CHANGE),
    # so an enterprise user, an inspector or an official of the district may keep them up to date.
    role_actions = {Role.ENTERPRISE: {Action.VIEW, Action.CHANGE}}

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), on_delete=models.CASCADE,
                                   related_name="contacts")
    name = models.CharField(_("name"), max_length=50)
    position = models.CharField(_("position"), max_length=50, blank=True)
    phone = EncryptedCharField(_("phone"), max_plain_length=20)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} ({self.position})" if self.position else self.name

    @property
    def masked_phone(self):
        return mask_phone(self.phone)


class TimelineEntry(models.Model):
    """One line of an enterprise's electronic file. Every app adds its events through
    enterprises.timeline.add_entry, so that the file is one timeline, not one per app."""

    scope_paths = {"district": "enterprise__district", "enterprise": "enterprise"}
    role_actions = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), on_delete=models.CASCADE,
                                   related_name="timeline")
    occurred_at = models.DateTimeField(_("time"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    detail = models.TextField(_("detail"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    url = models.CharField(max_length=255, blank=True)
    # Decree 423 Art. 9 protects those who report: the enterprise reads only what was served on it or
    # concerns its own registration; the writer decides at write time (enterprises.timeline).
    visible_to_enterprise = models.BooleanField(_("shown to the enterprise"), default=False)

    objects = TimelineQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["enterprise", "-occurred_at"])]

    def __str__(self):
        return self.title


class Violation(models.Model):
    """A labour-security violation on record, with how it was dealt with. The grading reads it until
    the cases app records penalties and handling decisions itself."""

    scope_paths = {"district": "enterprise__district", "enterprise": "enterprise"}
    # Inspectors and officials record violations; grid assistants and enterprises only read them.
    role_actions = {Role.GRID_ASSISTANT: {Action.VIEW}, Role.ENTERPRISE: {Action.VIEW}}

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), on_delete=models.PROTECT,
                                   related_name="violations")
    category = models.CharField(_("evaluation item"), max_length=20, choices=ViolationCategory.choices)
    handling = models.CharField(_("handling"), max_length=20, choices=Handling.choices)
    decided_on = models.DateField(_("decision date"), db_index=True)
    decision_number = models.CharField(_("document number"), max_length=60, blank=True)
    description = models.TextField(_("description"))
    c_trigger = models.CharField(
        _("serious circumstance"), max_length=20, blank=True,
        choices=[(c.value, c.label) for c in CTrigger if c not in (CTrigger.REPEATED, CTrigger.BLACKLISTED)],
        help_text=_("Any one of these makes the enterprise grade C."),
    )
    fine_amount = models.DecimalField(_("fine (CNY)"), max_digits=14, decimal_places=2, null=True, blank=True)
    revoked = models.BooleanField(_("decision revoked"), default=False,
                                  help_text=_("Revoked on review or by a court; no longer counts for grading."))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("violation")
        verbose_name_plural = _("violations")
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return f"{self.enterprise} · {self.get_category_display()} · {self.decided_on:%Y-%m-%d}"

    @property
    def counts_for_grading(self) -> bool:
        return not self.revoked and self.handling in Handling.counted()


class CreditGrade(models.Model):
    """One grade decision for one enterprise and evaluation year (劳动保障守法诚信等级, 人社部规〔2016〕1号):
    the service's proposal, its reasons, and who confirmed or rejected it, with the previous grade."""

    scope_paths = {"district": "enterprise__district", "enterprise": "enterprise"}
    role_actions = {Role.GRID_ASSISTANT: {Action.VIEW}, Role.ENTERPRISE: {Action.VIEW}}

    enterprise = models.ForeignKey(Enterprise, verbose_name=_("enterprise"), on_delete=models.PROTECT,
                                   related_name="credit_grades")
    year = models.PositiveSmallIntegerField(_("evaluation year"), db_index=True)
    grade = models.CharField(_("grade"), max_length=1, choices=Grade.choices)
    proposed_grade = models.CharField(_("proposed grade"), max_length=1, choices=Grade.choices)
    status = models.CharField(_("status"), max_length=12, choices=GradeStatus.choices,
                              default=GradeStatus.PROPOSED, db_index=True)
    violation_count = models.PositiveSmallIntegerField(_("penalties and handling decisions"), default=0)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    basis = models.TextField(_("basis"), blank=True)
    previous_grade = models.CharField(_("previous grade"), max_length=1, choices=Grade.choices, blank=True)
    proposed_at = models.DateTimeField(_("proposed"))
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    decision_note = models.TextField(_("decision note"), blank=True)

    objects = CreditGradeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("credit grade")
        verbose_name_plural = _("credit grades")
        ordering = ["-year", "-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "year"], condition=models.Q(status="proposed"),
                                    name="uniq_open_grade_proposal"),
        ]

    def __str__(self):
        return f"{self.enterprise} {self.year} {self.grade} ({self.get_status_display()})"

    @property
    def reason_labels(self) -> list[str]:
        return [r.get("label", "") for r in self.reasons]

    @property
    def cited_reasons(self) -> list[dict]:
        """The reasons, each with the rule's name and basis (enterprises.choices.REASON_RULES)."""
        return [cite_reason(r) for r in self.reasons]


class SupervisionPolicy(models.Model):
    """Grade-based supervision (分类监管) as data: how often each grade is patrolled and reviewed, whether
    it enters the annual inspection plan and how heavily it is sampled for random inspections.
    City administrators keep it; a new version starts on its effective date and closes the previous one."""

    role_actions = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}

    grade = models.CharField(_("grade"), max_length=1, choices=Grade.choices)
    effective_from = models.DateField(_("effective from"))
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    routine_patrols_per_year = models.PositiveSmallIntegerField(_("routine patrols a year"))
    written_reviews_per_year = models.PositiveSmallIntegerField(_("written reviews a year"))
    in_annual_plan = models.BooleanField(_("in the annual inspection plan"), default=False)
    key_monitoring = models.BooleanField(_("key monitoring"), default=False)
    joint_punishment_notice = models.BooleanField(
        _("joint-punishment notice when serious"), default=False,
        help_text=_("Notify the tax, finance and housing departments when a violation is serious."),
    )
    sampling_weight = models.DecimalField(_("random-inspection weight"), max_digits=5, decimal_places=2)
    notes = models.TextField(_("notes"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = InForceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("supervision policy")
        verbose_name_plural = _("supervision policies")
        ordering = ["grade", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["grade", "effective_from"], name="uniq_policy_grade_start"),
            models.CheckConstraint(condition=models.Q(sampling_weight__gt=0), name="policy_weight_positive"),
        ]

    def __str__(self):
        return f"{self.grade} · {self.effective_from:%Y-%m-%d}"

    def clean(self):
        minimum = city_setting("c_min_written_reviews", self.effective_from)
        if self.grade == Grade.C and (self.written_reviews_per_year or 0) < minimum:
            raise ValidationError({"written_reviews_per_year": _(
                "Grade C needs at least %(n)d written reviews a year.") % {"n": minimum}})
        if self.effective_to and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _("The end is before the start.")})


class EnterpriseImport(ImportJob):
    """One Excel import of enterprises (core.imports): validated as a whole, then applied all at once or not
    at all."""

    role_actions = {Role.GRID_ASSISTANT: set(), Role.ENTERPRISE: set(), Role.API_CLIENT: set()}

    objects = OwnJobQuerySet.as_manager()

    class Meta(ImportJob.Meta):
        verbose_name = _("enterprise import")
        verbose_name_plural = _("enterprise imports")

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("enterprises:import-detail", args=[self.pk])

    def get_importer(self):
        from .importer import IMPORTER

        return IMPORTER
