"""The inspections app: the inspector roster (执法检查人员名录库) with recusals, 包干 and 包保, the staffing
policy, and the double-random spot checks (双随机、一公开): items library, plans with batches and rates, draws
that publish a commitment before they run, drawn targets and their published results.

Draws and results change only through inspections.services; the admin reads them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kernel.fields import EncryptedCharField
from kernel.masking import mask_phone
from kernel.roles import Action, Role
from kernel.scoping import ScopedQuerySet

from . import rules
from .choices import DrawStatus, InspectorKind, Outcome, Stratum
from .querysets import DrawQuerySet, InspectorQuerySet, ReferenceQuerySet, ResultQuerySet

# Enterprises never read the roster or the draws before the results are public (a spot check is not
# announced); grid assistants, inspectors and department clients read; officials keep the roster.
STAFF_READ = {
    Role.ENTERPRISE: set(),
    Role.GRID_ASSISTANT: {Action.VIEW},
    Role.INSPECTOR: {Action.VIEW},
    Role.API_CLIENT: {Action.VIEW},
}
# Inspectors record the results of the targets they check.
RESULT_ACTIONS = {Role.ENTERPRISE: set(), Role.GRID_ASSISTANT: {Action.VIEW}, Role.API_CLIENT: {Action.VIEW}}
REFERENCE_READ = {role: {Action.VIEW} for role in Role if role != Role.CITY_ADMIN}

RATE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class InspectionPolicy(models.Model):
    """The staffing rule and the publication period from a date on (rules.py holds the defaults and the basis).
    City administrators keep them; the staffing report and the result deadlines read the one in force."""

    role_actions = REFERENCE_READ

    effective_from = models.DateField(_("effective from"), unique=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    large_population = models.PositiveIntegerField(
        _("large district: residents over"), default=rules.STAFFING_LARGE_POPULATION
    )
    large_min = models.PositiveSmallIntegerField(
        _("large district: full-time inspectors at least"), default=rules.STAFFING_LARGE_MIN
    )
    small_population = models.PositiveIntegerField(
        _("small district: residents under"), default=rules.STAFFING_SMALL_POPULATION
    )
    small_min = models.PositiveSmallIntegerField(
        _("small district: full-time inspectors at least"), default=rules.STAFFING_SMALL_MIN
    )
    middle_min = models.PositiveSmallIntegerField(
        _("other districts: full-time inspectors at least"), default=rules.STAFFING_MIDDLE_MIN
    )
    publication_workdays = models.PositiveSmallIntegerField(
        _("results published within (working days)"), default=rules.RESULT_PUBLICATION_WORKDAYS
    )
    note = models.CharField(_("basis"), max_length=255, blank=True)

    objects = ReferenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection policy")
        verbose_name_plural = _("inspection policies")
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.effective_from:%Y-%m-%d}"

    def clean(self):
        if self.effective_to and self.effective_from and self.effective_to < self.effective_from:
            raise ValidationError({"effective_to": _("The end is before the start.")})
        if (
            self.small_population is not None
            and self.large_population is not None
            and self.small_population > self.large_population
        ):
            raise ValidationError({"small_population": _("The small threshold is above the large one.")})
        if self.publication_workdays is not None and self.publication_workdays < 1:
            raise ValidationError({"publication_workdays": _("The publication period must be positive.")})

    def required_full_time(self, population):
        return rules.required_full_time(
            population,
            large_population=self.large_population,
            large_min=self.large_min,
            small_population=self.small_population,
            small_min=self.small_min,
            middle_min=self.middle_min,
        )


class Inspector(models.Model):
    """One person of the roster: a full-time labour inspector (专职监察员, with an enforcement certificate) or a
    grid assistant (协管员, with a grid area)."""

    scope_paths = {"district": "district"}
    role_actions = STAFF_READ

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspector_profile",
    )
    name = models.CharField(_("name"), max_length=50)
    kind = models.CharField(_("kind"), max_length=20, choices=InspectorKind.choices, default=InspectorKind.FULL_TIME)
    certificate_number = models.CharField(_("enforcement certificate number"), max_length=40, blank=True, db_index=True)
    certificate_expires_on = models.DateField(_("certificate valid until"), null=True, blank=True)
    district = models.ForeignKey(
        "accounts.District", verbose_name=_("district"), on_delete=models.PROTECT, related_name="inspectors"
    )
    grid_area = models.CharField(_("grid area"), max_length=100, blank=True)
    phone = EncryptedCharField(_("phone"), blank=True, max_plain_length=20)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InspectorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspector")
        verbose_name_plural = _("inspectors")
        ordering = ["district__sort_order", "name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("inspections:detail", args=[self.pk])

    @property
    def masked_phone(self):
        return mask_phone(self.phone)

    @property
    def is_full_time(self):
        return self.kind == InspectorKind.FULL_TIME

    def certificate_valid_on(self, day) -> bool:
        return bool(self.certificate_number and self.certificate_expires_on and self.certificate_expires_on >= day)

    def clean(self):
        if self.kind == InspectorKind.FULL_TIME and not (self.certificate_number and self.certificate_expires_on):
            raise ValidationError(
                {
                    "certificate_number": _(
                        "A full-time inspector holds an enforcement certificate: enter its number and expiry."
                    )
                }
            )
        if self.kind == InspectorKind.GRID_ASSISTANT and not self.grid_area:
            raise ValidationError({"grid_area": _("Enter the grid area of the assistant.")})


class Recusal(models.Model):
    """An enterprise the inspector must not inspect (回避, Decree 423 Art. 16): draws never assign them."""

    scope_paths = {"district": "inspector__district", "enterprise": "enterprise"}
    role_actions = STAFF_READ

    inspector = models.ForeignKey(
        Inspector, verbose_name=_("inspector"), on_delete=models.CASCADE, related_name="recusals"
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="inspector_recusals",
    )
    reason = models.CharField(_("reason"), max_length=200)
    recorded_on = models.DateField(_("recorded on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        ordering = ["-recorded_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["inspector", "enterprise"], name="uniq_recusal")]

    def __str__(self):
        return f"{self.inspector} · {self.enterprise}"


class DistrictDuty(models.Model):
    """A duty someone holds for a district from a day on (until a day, or still)."""

    scope_paths = {"district": "district"}
    role_actions = STAFF_READ

    district = models.ForeignKey(
        "accounts.District", verbose_name=_("district"), on_delete=models.PROTECT, related_name="+"
    )
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["district__sort_order", "-since"]


class DistrictAssignment(DistrictDuty):
    """包干: a city inspector assigned to handle the cases of a district."""

    inspector = models.ForeignKey(
        Inspector, verbose_name=_("inspector"), on_delete=models.CASCADE, related_name="assignments"
    )
    history = HistoricalRecords()

    class Meta(DistrictDuty.Meta):
        verbose_name = _("district assignment (包干)")
        verbose_name_plural = _("district assignments (包干)")

    def __str__(self):
        return f"{self.inspector} → {self.district}"


class DistrictLeader(DistrictDuty):
    """包保: the leading group's leader responsible for a district."""

    name = models.CharField(_("name"), max_length=50)
    position = models.CharField(_("position"), max_length=100)
    history = HistoricalRecords()

    class Meta(DistrictDuty.Meta):
        verbose_name = _("responsible leader (包保)")
        verbose_name_plural = _("responsible leaders (包保)")

    def __str__(self):
        return f"{self.name} · {self.district}"


class InspectionItem(models.Model):
    """One line of the spot-check item list (随机抽查事项清单): matter, legal basis, content, method."""

    role_actions = REFERENCE_READ

    matter = models.CharField(_("inspection matter"), max_length=200)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    content = models.TextField(_("content checked"))
    method = models.CharField(_("method"), max_length=200)
    active = models.BooleanField(_("in use"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ReferenceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inspection item")
        verbose_name_plural = _("inspection items")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.matter


class SpotCheckPlan(models.Model):
    """An annual double-random plan (年度抽查计划) of a district, or of the city when no district is set."""

    scope_paths = {"district": "district"}
    role_actions = STAFF_READ

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    name = models.CharField(_("name"), max_length=100)
    district = models.ForeignKey(
        "accounts.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="spot_check_plans",
        help_text=_("Leave empty for a city-wide plan."),
    )
    items = models.ManyToManyField(InspectionItem, verbose_name=_("inspection items"), related_name="plans")
    min_inspectors = models.PositiveSmallIntegerField(
        _("inspectors per target"),
        default=rules.MIN_INSPECTORS,
        validators=[MinValueValidator(rules.MIN_INSPECTORS), MaxValueValidator(6)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[items])

    class Meta:
        verbose_name = _("spot-check plan")
        verbose_name_plural = _("spot-check plans")
        ordering = ["-year", "name", "pk"]

    def __str__(self):
        return f"{self.year} · {self.name}"

    def get_absolute_url(self):
        return reverse("inspections:plan", args=[self.pk])

    def rates_for_draw(self) -> dict[str, str]:
        """{"<district code or *>:<grade>": "percent"} as the draw's inputs carry them."""
        return {
            f"{r.district.code if r.district_id else '*'}:{r.stratum}": f"{r.rate:.2f}"
            for r in self.rates.select_related("district")
        }


class PlanRate(models.Model):
    """The sampling rate of one grade, for the whole plan or one district of it (higher for B and C, §8)."""

    scope_paths = {"district": "plan__district"}
    role_actions = STAFF_READ

    plan = models.ForeignKey(SpotCheckPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="rates")
    district = models.ForeignKey(
        "accounts.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for the rate of the whole plan."),
    )
    stratum = models.CharField(_("grade"), max_length=1, choices=Stratum.choices)
    rate = models.DecimalField(_("sampling rate (%)"), max_digits=5, decimal_places=2, validators=RATE_VALIDATORS)

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sampling rate")
        verbose_name_plural = _("sampling rates")
        ordering = ["plan", "district", "stratum"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "district", "stratum"], name="uniq_plan_rate"),
            models.UniqueConstraint(
                fields=["plan", "stratum"], condition=models.Q(district__isnull=True), name="uniq_plan_rate_citywide"
            ),
        ]

    def __str__(self):
        return f"{self.get_stratum_display()} {self.rate}%"

    @property
    def ratio(self):
        """The rate as a share (0.3 for 30 %), for the `percent` filter."""
        return self.rate / 100


class Batch(models.Model):
    """One round of a plan (批次): it is drawn once; a draw may only be superseded, with a reason."""

    scope_paths = {"district": "plan__district"}
    role_actions = STAFF_READ

    plan = models.ForeignKey(SpotCheckPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="batches")
    number = models.PositiveSmallIntegerField(_("batch"), validators=[MinValueValidator(1), MaxValueValidator(24)])
    planned_on = models.DateField(_("planned for"))

    objects = ScopedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("batch")
        verbose_name_plural = _("batches")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="uniq_batch_number")]

    def __str__(self):
        return f"{self.plan} · {self.number}"

    @property
    def current_draw(self):
        return self.draws.exclude(status=DrawStatus.SUPERSEDED).order_by("-pk").first()


class Draw(models.Model):
    """One draw of a batch. The commitment (SHA-256 of the secret seed and the frozen inputs) is public from
    its creation; running it reveals the seed. It is never edited: a new draw supersedes it, with a reason,
    and both stay public (inspections.drawing documents the algorithm)."""

    scope_paths = {"district": "batch__plan__district"}
    role_actions = STAFF_READ

    batch = models.ForeignKey(Batch, verbose_name=_("batch"), on_delete=models.PROTECT, related_name="draws")
    status = models.CharField(_("status"), max_length=12, choices=DrawStatus.choices, default=DrawStatus.COMMITTED)
    algorithm = models.CharField(_("algorithm"), max_length=40)
    inputs = models.JSONField(_("frozen inputs"))
    commitment = models.CharField(_("commitment (SHA-256)"), max_length=64, unique=True)
    # Secret until the draw runs: never shown, serialized or exported before revealed_at.
    seed = models.CharField(_("seed"), max_length=64)
    committed_at = models.DateTimeField(_("commitment published"))
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("committed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    result = models.JSONField(_("result"), null=True, blank=True)
    drawn_at = models.DateTimeField(_("drawn"), null=True, blank=True)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    supersede_reason = models.TextField(_("why it was superseded"), blank=True)
    replaces = models.OneToOneField(
        "self", verbose_name=_("replaces"), null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )

    objects = DrawQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["seed"])

    class Meta:
        verbose_name = _("draw")
        verbose_name_plural = _("draws")
        ordering = ["-committed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["batch"], condition=~models.Q(status=DrawStatus.SUPERSEDED), name="uniq_live_draw_per_batch"
            ),
        ]

    def __str__(self):
        return f"{self.batch} · {self.commitment[:12]}"

    def get_absolute_url(self):
        return reverse("inspections:draw", args=[self.pk])

    def get_public_url(self):
        return reverse("inspections:public-draw", args=[self.pk])

    @property
    def revealed_seed(self) -> str:
        """The seed once the draw has run; empty before."""
        return self.seed if self.drawn_at else ""


class DrawnTarget(models.Model):
    """An employer drawn for a spot check, with the inspectors drawn for it."""

    scope_paths = {"district": "enterprise__district", "enterprise": "enterprise"}
    role_actions = STAFF_READ

    draw = models.ForeignKey(Draw, verbose_name=_("draw"), on_delete=models.PROTECT, related_name="targets")
    position = models.PositiveIntegerField(_("order"))
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", verbose_name=_("enterprise"), on_delete=models.PROTECT, related_name="spot_checks"
    )
    inspectors = models.ManyToManyField(Inspector, verbose_name=_("inspectors"), related_name="spot_checks")

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("drawn target")
        verbose_name_plural = _("drawn targets")
        ordering = ["draw", "position"]
        constraints = [models.UniqueConstraint(fields=["draw", "enterprise"], name="uniq_target_per_draw")]

    def __str__(self):
        return f"{self.enterprise} · {self.draw.batch}"


class SpotCheckResult(models.Model):
    """The result of one drawn target's check (items checked, findings, outcome), public once published."""

    scope_paths = {"district": "target__enterprise__district", "enterprise": "target__enterprise"}
    role_actions = RESULT_ACTIONS

    target = models.OneToOneField(
        DrawnTarget, verbose_name=_("target"), on_delete=models.PROTECT, related_name="result"
    )
    items = models.ManyToManyField(InspectionItem, verbose_name=_("items checked"), related_name="+")
    findings = models.TextField(_("findings"), help_text=_("Published: no names or numbers of workers."))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    checked_on = models.DateField(_("checked on"))
    publish_by = models.DateField(_("to be published by"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ResultQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[items])

    class Meta:
        verbose_name = _("spot-check result")
        verbose_name_plural = _("spot-check results")
        ordering = ["-checked_on", "-pk"]

    def __str__(self):
        return f"{self.target} · {self.get_outcome_display()}"
