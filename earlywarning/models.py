"""Warnings, their action history, the rules' effective-dated parameters and the record of each evaluation run.

Only earlywarning.engine (raise, keep, clear, escalate) and earlywarning.services (an official's disposal)
change these rows; a warning is never deleted (domain.md §13 evaluation notes)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kernel.roles import Action, Role

from .querysets import ReferenceQuerySet, WarningEventQuerySet, WarningQuerySet
from .rules.base import Level, Subject

# Employers read the warnings addressed to them (Warning.shown_to_enterprise); grid assistants and department
# clients read; only officials dispose.
READ_ONLY = {Role.ENTERPRISE: {Action.VIEW}, Role.GRID_ASSISTANT: {Action.VIEW}, Role.API_CLIENT: {Action.VIEW}}


class WarningStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLEARED = "cleared", _("Cleared")


class ClearedHow(models.TextChoices):
    CONDITION = "condition", _("Condition cleared")
    DISPOSED = "disposed", _("Disposed of by an official")


class Warning(models.Model):  # noqa: A001 - the domain's word; the module never needs Python's Warning
    """One warning of one rule on one subject (a project, a complaint, the system…). Its evidence is frozen
    when raised; at most one is open per (rule, subject, subject id, part)."""

    scope_paths = {"district": "district", "enterprise": "enterprise"}
    role_actions = READ_ONLY

    rule = models.CharField(_("rule"), max_length=4, db_index=True)
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices)
    subject_id = models.PositiveBigIntegerField(_("subject id"))
    part = models.CharField(_("part"), max_length=40, blank=True)
    district = models.ForeignKey(
        "accounts.District",
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="warnings",
    )
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="warnings",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="warnings",
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    status = models.CharField(_("status"), max_length=10, choices=WarningStatus.choices, default=WarningStatus.OPEN)
    shown_to_enterprise = models.BooleanField(_("shown to the enterprise"), default=False)
    evidence = models.JSONField(_("evidence"), default=dict, blank=True)
    raised_at = models.DateTimeField(_("raised"))
    raised_on = models.DateField(_("raised on"))
    due_on = models.DateField(_("clear by"))
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    escalations = models.PositiveSmallIntegerField(_("escalations"), default=0)
    cleared_at = models.DateTimeField(_("cleared"), null=True, blank=True)
    cleared_how = models.CharField(_("how cleared"), max_length=10, choices=ClearedHow.choices, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cleared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    objects = WarningQuerySet.as_manager()

    class Meta:
        verbose_name = _("warning")
        verbose_name_plural = _("warnings")
        ordering = ["-raised_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "subject", "subject_id", "part"], condition=Q(status="open"), name="uniq_open_warning"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "level"], name="ew_warning_status_level"),
            models.Index(fields=["district", "status"], name="ew_warning_district_status"),
            models.Index(fields=["project", "status"], name="ew_warning_project_status"),
            models.Index(fields=["enterprise", "status"], name="ew_warning_enterprise_status"),
            models.Index(fields=["status", "due_on"], name="ew_warning_status_due"),
        ]

    def __str__(self):
        return f"{self.rule} {self.get_subject_display()} {self.subject_id}{' ' + self.part if self.part else ''}"

    def get_absolute_url(self):
        return reverse("earlywarning:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == WarningStatus.OPEN

    @property
    def referred_to_city(self) -> bool:
        """Escalated past its deadline at least once: the city is told as well (district → city)."""
        return self.escalations > 0


class EventKind(models.TextChoices):
    RAISED = "raised", _("Raised")
    ESCALATED = "escalated", _("Escalated")
    LEVEL_RAISED = "level_raised", _("Level raised")
    CLEARED = "cleared", _("Condition cleared")
    DISPOSED = "disposed", _("Disposed of")


class WarningEvent(models.Model):
    """A line of a warning's action history, appended by the engine or the disposal service."""

    scope_paths = {"district": "warning__district", "enterprise": "warning__enterprise"}
    role_actions = READ_ONLY

    warning = models.ForeignKey(Warning, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=15, choices=EventKind.choices)
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, blank=True)
    note = models.TextField(_("note"), blank=True)

    objects = WarningEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("warning event")
        verbose_name_plural = _("warning events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.warning_id} {self.kind}"


class RuleParameter(models.Model):
    """A rule's parameter from a date on (the value in force is the row with the latest effective_from not
    after the day). Rows are added, never edited: the seed reads each SPEC's Param default."""

    role_actions = {Role.ENTERPRISE: set(), Role.API_CLIENT: {Action.VIEW}}

    rule = models.CharField(_("rule"), max_length=4)
    key = models.CharField(_("parameter"), max_length=40)
    value = models.CharField(_("value"), max_length=40)
    effective_from = models.DateField(_("effective from"))
    note = models.CharField(_("basis of the change"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("rule parameter")
        verbose_name_plural = _("rule parameters")
        ordering = ["rule", "key", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["rule", "key", "effective_from"], name="uniq_rule_param")]

    def __str__(self):
        return f"{self.rule}.{self.key} = {self.value} ({self.effective_from:%Y-%m-%d})"


class RunTrigger(models.TextChoices):
    NIGHTLY = "nightly", _("Nightly")
    CHANGE = "change", _("Data changed")
    MANUAL = "manual", _("Manual")


class RunStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed (some rules)")
    SKIPPED = "skipped", _("Skipped (another run in progress)")


class EvaluationRun(models.Model):
    """One evaluation: when, why, and per rule what it raised, kept, cleared and escalated, and how long it
    took (counts and durations in seconds, keyed by rule code)."""

    role_actions = {
        role: ({Action.VIEW} if role in Role.city_wide() else set()) for role in Role if role != Role.CITY_ADMIN
    }

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    on = models.DateField(_("evaluated on"))
    trigger = models.CharField(_("trigger"), max_length=10, choices=RunTrigger.choices, default=RunTrigger.MANUAL)
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    rules = models.JSONField(_("rules"), default=list, blank=True)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    durations = models.JSONField(_("durations"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=dict, blank=True)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation run")
        verbose_name_plural = _("evaluation runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{timezone.localtime(self.started_at):%Y-%m-%d %H:%M} {self.trigger} {self.status}"

    @property
    def seconds(self):
        if self.finished_at is None:
            return None
        return round((self.finished_at - self.started_at).total_seconds(), 2)

    def total(self, what: str) -> int:
        return sum(row.get(what, 0) for row in self.counts.values())

    @property
    def raised(self) -> int:
        return self.total("raised")

    @property
    def cleared(self) -> int:
        return self.total("cleared")

    @property
    def escalated(self) -> int:
        return self.total("escalated")


class EvaluationLock(models.Model):
    """The row a database without advisory locks (SQLite) takes by a conditional update, so that two
    evaluations never overlap (PostgreSQL uses pg_try_advisory_lock; earlywarning.engine.evaluation_lock)."""

    name = models.CharField(max_length=20, unique=True)
    held_since = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=32, blank=True)

    class Meta:
        verbose_name = _("evaluation lock")
        verbose_name_plural = _("evaluation locks")

    def __str__(self):
        return self.name
